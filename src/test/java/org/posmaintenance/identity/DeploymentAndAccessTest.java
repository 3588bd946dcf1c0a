package org.posmaintenance.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.model.ModelContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** What the application deploys and sets up, and who sees what. */
class DeploymentAndAccessTest extends ProcessScenarioTest {

    static final List<String> FORMS = List.of("report-fault", "confirm-diagnosis", "remote-support", "schedule-visit",
            "repair-on-site", "receive-terminal", "repair-at-centre", "return-terminal", "review-overdue-repair",
            "upgrade-terminal", "answer-survey", "follow-up-low-score", "order-part", "receive-part", "replace-terminal",
            "receive-loaner", "chase-loaner", "decide-unreturned-loaner", "settle-cancelled-repair", "cancel-ticket");

    @Autowired RepositoryService repositoryService;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired FilterService filterService;
    @Autowired TestRestTemplate http;

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void theDeploymentHoldsTheProcessTheDecisionAndEveryForm() {
        var definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ModelContract.PROCESS_ID).latestVersion().singleResult();
        assertThat(definition.getVersionTag()).isEqualTo("1.2.4");
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);

        // one deployment unit, resources named by file name
        List<String> resources = repositoryService.getDeploymentResources(definition.getDeploymentId()).stream()
                .map(Resource::getName).toList();
        assertThat(resources).contains("PosTerminalMaintenance.bpmn", "TicketCancellation.bpmn", "FaultTriage.dmn",
                "SlaTargets.dmn", "WarrantyCoverage.dmn");
        assertThat(resources).containsAll(FORMS.stream().map(form -> form + ".form").toList());
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("FaultTriage").count()).isEqualTo(1);
    }

    @Test
    void theDemoPeopleExistWithTheirGroupsAndPasswords() {
        for (DemoUsers.Person person : DemoUsers.PEOPLE) {
            assertThat(identityService.checkPassword(person.id(), person.password())).as(person.id()).isTrue();
            assertThat(identityService.createGroupQuery().groupMember(person.id()).list())
                    .extracting("id").containsExactlyInAnyOrderElementsOf(person.groups());
        }
    }

    @Test
    void eachRoleGetsItsApplicationsAndNoMore() {
        assertThat(mayUse("tom", "technicians", "tasklist")).isTrue();
        assertThat(mayUse("tom", "technicians", "cockpit")).isFalse();
        assertThat(mayUse("tom", "technicians", "admin")).isFalse();
        assertThat(mayUse("mary", "managers", "cockpit")).isTrue();
        assertThat(mayUse("mary", "managers", "admin")).isFalse();
        assertThat(mayUse("alan", "analysts", "cockpit")).isTrue();
        assertThat(mayUse("alan", "analysts", "tasklist")).isFalse();
    }

    @Test
    void aTechnicianSeesHisGroupsTasksAndNotTheRepairCentres() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());

        identityService.setAuthentication("tom", List.of("technicians"));
        assertThat(taskService.createTaskQuery().processInstanceId(ticket.getId()).list())
                .extracting(Task::getTaskDefinitionKey).containsExactly("Task_ConfirmDiagnosis");
        assertThat(runtimeService.getVariable(ticket.getId(), ModelContract.MERCHANT_NAME))
                .as("the ticket's data for the task list columns").isEqualTo("Lotus Tea House");
        assertThat(filterService.list(filter(TasklistFilters.GROUP_TASKS).getId()))
                .extracting("processInstanceId").contains(ticket.getId());
        identityService.clearAuthentication();

        confirmDiagnosis(ticket, "NORMAL", "MAIL_IN", false);
        identityService.setAuthentication("tom", List.of("technicians"));
        assertThat(taskService.createTaskQuery().processInstanceId(ticket.getId()).count()).isZero();
        identityService.setAuthentication("rita", List.of("repaircentre"));
        assertThat(taskService.createTaskQuery().processInstanceId(ticket.getId()).list())
                .extracting(Task::getTaskDefinitionKey).containsExactly("Task_ReceiveTerminal");
    }

    @Test
    void theTasklistFiltersRunForATechnician() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        identityService.setAuthentication("tina", List.of("technicians"));

        assertThat(filterService.createFilterQuery().list()).extracting(Filter::getName).contains(
                TasklistFilters.GROUP_TASKS, TasklistFilters.MY_TASKS, TasklistFilters.DUE_TODAY,
                TasklistFilters.OVERDUE, TasklistFilters.ESCALATED, TasklistFilters.SLA_AT_RISK, TasklistFilters.SLA_BREACHED);
        // the diagnosis is due on Friday: not today, not overdue; once past due it is overdue
        assertThat(filterService.list(filter(TasklistFilters.DUE_TODAY).getId())).isEmpty();
        assertThat(filterService.list(filter(TasklistFilters.OVERDUE).getId())).isEmpty();
        setClock(java.time.Instant.parse("2026-11-27T06:00:01Z"));
        assertThat(filterService.list(filter(TasklistFilters.OVERDUE).getId()))
                .extracting("processInstanceId").containsExactly(ticket.getId());
        setClock(java.time.Instant.parse("2026-11-27T01:00:00Z"));
        assertThat(filterService.list(filter(TasklistFilters.DUE_TODAY).getId()))
                .extracting("processInstanceId").containsExactly(ticket.getId());
    }

    @Test
    void theSlaFiltersListAtRiskAndBreachedTicketsForATechnician() {
        // a printer fault reported Wednesday 10:00: warning Thursday 04:00, response due Thursday 10:00 (Shanghai)
        ProcessInstance printer = ticketAwaitingDiagnosis(report());
        assertThat(listed("tom", TasklistFilters.SLA_AT_RISK)).doesNotContain(printer.getId());

        setClock(java.time.Instant.parse("2026-11-25T20:00:00Z"));
        executeJobAt(printer, "BoundaryEvent_ResponseSlaAtRisk");
        // an urgent fault reported now: due in one hour, not yet warned
        var urgentReport = report();
        urgentReport.put(ModelContract.FAULT_CATEGORY, "TERMINAL_DOWN");
        urgentReport.put(ModelContract.PAYMENTS_BLOCKED, true);
        ProcessInstance urgent = ticketAwaitingDiagnosis(urgentReport);
        assertThat(runtimeService.getVariable(urgent.getId(), ModelContract.SLA_STATE)).isEqualTo("ON_TRACK");
        // a ticket of the repair centre, due later: not tom's
        ProcessInstance mailIn = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(mailIn, "URGENT", "MAIL_IN", false);

        assertThat(listed("tom", TasklistFilters.SLA_AT_RISK)).containsExactlyInAnyOrder(printer.getId(), urgent.getId());
        assertThat(listed("tom", TasklistFilters.SLA_BREACHED)).isEmpty();
        assertThat(listed("rita", TasklistFilters.SLA_AT_RISK)).as("due in 8 hours").isEmpty();
        // as Tasklist asks for it: through the REST API, the filter extended with Tasklist's sorting
        var tasklistRequest = Map.of("processVariables", List.of(), "taskVariables", List.of(),
                "caseInstanceVariables", List.of(), "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
        List<Map<String, Object>> viaRest = http.withBasicAuth("tom", "tom-demo").postForObject(
                "/engine-rest/filter/" + filter(TasklistFilters.SLA_AT_RISK).getId() + "/list?firstResult=0&maxResults=15",
                tasklistRequest, List.class);
        assertThat(viaRest).extracting(task -> task.get("processInstanceId"))
                .containsExactlyInAnyOrder(printer.getId(), urgent.getId());

        setClock(java.time.Instant.parse("2026-11-26T02:00:00Z"));
        executeJobAt(printer, "BoundaryEvent_ResponseSlaBreached");
        assertThat(listed("tom", TasklistFilters.SLA_AT_RISK)).as("past their deadlines").isEmpty();
        assertThat(listed("tom", TasklistFilters.SLA_BREACHED)).containsExactly(printer.getId());

        // answered late, the ticket stays breached in the repair stage until it is repaired
        setClock(java.time.Instant.parse("2026-11-26T02:10:00Z"));
        confirmDiagnosis(printer, "NORMAL", "REMOTE", false);
        assertThat(listed("tom", TasklistFilters.SLA_BREACHED)).containsExactly(printer.getId());
        assertThat(taskService.createTaskQuery().processInstanceId(printer.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_RemoteSupport");
        complete(printer, "Task_RemoteSupport", Map.of(ModelContract.REMOTE_MEDIUM, "VIDEO",
                ModelContract.REMOTE_SESSION_NOTES, "Fixed on a video call.", ModelContract.REMOTE_RESOLVED, true));
        billAndCheckSoftware(printer);
        assertThat(listed("tom", TasklistFilters.SLA_BREACHED)).isEmpty();
    }

    /** The tickets of the tasks this filter lists for this user (with his groups), as Tasklist runs it. */
    private List<String> listed(String user, String filterName) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
        identityService.setAuthentication(user, groups);
        try {
            return filterService.list(filter(filterName).getId()).stream()
                    .map(task -> ((Task) task).getProcessInstanceId()).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private boolean mayUse(String user, String group, String application) {
        return authorizationService.isUserAuthorized(user, List.of(group), ACCESS, APPLICATION, application);
    }

    private Filter filter(String name) {
        return filterService.createFilterQuery().filterName(name).singleResult();
    }
}
