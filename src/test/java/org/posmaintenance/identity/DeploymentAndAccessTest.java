package org.posmaintenance.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;

import java.util.List;

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
import org.posmaintenance.ticket.TicketVariables;
import org.springframework.beans.factory.annotation.Autowired;

/** What the application deploys and sets up, and who sees what. */
class DeploymentAndAccessTest extends ProcessScenarioTest {

    static final List<String> FORMS = List.of("report-fault", "confirm-diagnosis", "remote-support", "schedule-visit",
            "repair-on-site", "receive-terminal", "repair-at-centre", "return-terminal", "review-overdue-repair",
            "upgrade-terminal", "answer-survey", "follow-up-low-score");

    @Autowired RepositoryService repositoryService;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired FilterService filterService;

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void theDeploymentHoldsTheProcessTheDecisionAndEveryForm() {
        var definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(TicketVariables.PROCESS_ID).latestVersion().singleResult();
        assertThat(definition.getVersionTag()).isEqualTo("1.1.0");
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);

        List<String> resources = repositoryService.getDeploymentResources(definition.getDeploymentId()).stream()
                .map(Resource::getName).map(name -> name.substring(name.lastIndexOf('/') + 1)).toList();
        assertThat(resources).contains("PosTerminalMaintenance.bpmn", "FaultTriage.dmn");
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
        assertThat(runtimeService.getVariable(ticket.getId(), TicketVariables.MERCHANT_NAME))
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
                TasklistFilters.OVERDUE, TasklistFilters.ESCALATED);
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

    private boolean mayUse(String user, String group, String application) {
        return authorizationService.isUserAuthorized(user, List.of(group), ACCESS, APPLICATION, application);
    }

    private Filter filter(String name) {
        return filterService.createFilterQuery().filterName(name).singleResult();
    }
}
