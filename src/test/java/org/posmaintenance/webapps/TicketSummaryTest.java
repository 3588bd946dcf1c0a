package org.posmaintenance.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.identity.TasklistFilters;
import org.posmaintenance.testing.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A task's form gets the ticket's facts in words and in the reader's language, through the requests Tasklist sends
 * (form variables of a task; the task list with its columns), as a technician with authorization on.
 */
class TicketSummaryTest extends ProcessScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    @Autowired FilterService filters;
    @LocalServerPort int port;

    @Test
    void confirmDiagnosisShowsTheTicketInChineseWords() throws Exception {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        WebappSession tom = WebappSession.logIn("http://localhost:" + port, "tasklist", "tom", "tom-demo").speaking("zh-CN,zh;q=0.9");

        JsonNode facts = ticketFacts(tom, task(ticket, TASK_CONFIRM_DIAGNOSIS));

        assertThat(facts.path("number").asText()).isEqualTo(ticket.getBusinessKey());
        assertThat(facts.path("merchant").asText()).isEqualTo("Lotus Tea House");
        assertThat(facts.path("phone").asText()).isEqualTo("+86 21 5555 0101");
        assertThat(facts.path("fault").asText()).isEqualTo("打印机");
        assertThat(facts.path("paymentsBlocked").asText()).isEqualTo("否");
        assertThat(facts.path("reportChannel").asText()).isEqualTo("客服热线");
        assertThat(facts.path("warranty").asText()).isEqualTo("保修期内，至 2027-06-30");
        assertThat(facts.path("contract").asText()).isEqualTo("购买");
        assertThat(facts.path("terminalModel").asText()).isEqualTo("A920");
        assertThat(facts.path("reportedAt").asText()).isEqualTo("2026-11-25 10:00");
        assertThat(facts.path("responseDue").asText()).isEqualTo(SHOWN.format(record(ticket).responseDue()));
        assertThat(facts.path("proposedSeverity").asText()).isIn("普通", "紧急（无法收款）", "重大（系统崩溃、硬件损坏）");
        assertThat(facts.path("proposedChannel").asText()).isIn("远程支持", "上门维修", "寄修至维修中心");
        assertThat(facts.path("visitAt").asText()).isEqualTo("—");
    }

    @Test
    void agreeOnSiteAppointmentHasTheShopsAddressFilledInAndEnglishReadersGetEnglish() throws Exception {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(ticket, "URGENT", "ON_SITE", false);
        WebappSession tom = WebappSession.logIn("http://localhost:" + port, "tasklist", "tom", "tom-demo").speaking("zh-CN");
        Task visit = task(ticket, TASK_SCHEDULE_VISIT);

        JsonNode variables = formVariables(tom, visit);
        assertThat(variables.path(VISIT_ADDRESS).path("value").asText()).isEqualTo("上海市黄浦区南京东路 299 号");
        JsonNode facts = JSON.readTree(variables.path("ticket").path("value").asText());
        assertThat(facts.path("severity").asText()).isEqualTo("紧急（无法收款）");
        assertThat(facts.path("channel").asText()).isEqualTo("上门维修");
        assertThat(facts.path("openingHours").asText()).isEqualTo("09:00-21:00");
        assertThat(runtimeService.getVariable(ticket.getId(), VISIT_ADDRESS)).as("a first value for the form, not a variable").isNull();

        JsonNode english = ticketFacts(tom.speaking("en-US,en;q=0.9"), visit);
        assertThat(english.path("severity").asText()).isEqualTo("Urgent (cannot take payments)");
        assertThat(english.path("fault").asText()).isEqualTo("Printer");
    }

    @Test
    void theTaskListShowsSeverityChannelAndSlaStateInWords() throws Exception {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(ticket, "MAJOR", "REMOTE", false);
        String filterId = filters.createFilterQuery().filterName(TasklistFilters.GROUP_TASKS).singleResult().getId();
        WebappSession tom = WebappSession.logIn("http://localhost:" + port, "tasklist", "tom", "tom-demo").speaking("zh-CN");

        var list = tom.send("POST", "/camunda/api/engine/engine/default/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"firstResult\":0,\"maxResults\":15,"
                        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}",
                "application/hal+json, application/json; q=0.5");

        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        String taskId = task(ticket, TASK_REMOTE_SUPPORT).getId();
        List<String> columns = new ArrayList<>();
        for (JsonNode task : JSON.readTree(list.body()).path("_embedded").path("task")) {
            if (task.path("id").asText().equals(taskId)) {
                task.path("_embedded").path("variable").forEach(v -> columns.add(v.path("name").asText() + "=" + v.path("value").asText()));
            }
        }
        assertThat(columns).contains(SEVERITY + "=重大（系统崩溃、硬件损坏）", REPAIR_CHANNEL + "=远程支持", SLA_STATE + "=正常");
    }

    @Test
    void noTaskOfARepairShowsACode() throws Exception {
        ProcessInstance remote = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(remote, "NORMAL", "REMOTE", false);
        ProcessInstance onSite = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(onSite, "MAJOR", "ON_SITE", true);
        ProcessInstance mailIn = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(mailIn, "URGENT", "MAIL_IN", false);
        WebappSession tom = WebappSession.logIn("http://localhost:" + port, "tasklist", "tom", "tom-demo").speaking("zh-CN");
        WebappSession rita = WebappSession.logIn("http://localhost:" + port, "tasklist", "rita", "rita-demo").speaking("zh-CN");

        java.util.regex.Pattern code = java.util.regex.Pattern.compile("\\b[A-Z]{2,}(_[A-Z]+)*\\b");
        for (var step : List.of(java.util.Map.entry(tom, task(remote, TASK_REMOTE_SUPPORT)),
                java.util.Map.entry(tom, task(onSite, TASK_SCHEDULE_VISIT)),
                java.util.Map.entry(rita, task(mailIn, TASK_RECEIVE_TERMINAL)))) {
            JsonNode facts = ticketFacts(step.getKey(), step.getValue());
            facts.fields().forEachRemaining(fact -> {
                if (!List.of("number", "merchantId", "terminal", "terminalModel", "softwareVersion", "merchant",
                        "faultDescription", "phone", "address").contains(fact.getKey())) {
                    assertThat(code.matcher(fact.getValue().asText()).find())
                            .as("%s of %s: %s", fact.getKey(), step.getValue().getTaskDefinitionKey(), fact.getValue()).isFalse();
                }
            });
        }
    }

    @Test
    void theHotlineAgentIsGivenTheNewTicketsNumberRightAfterTheStart() throws Exception {
        WebappSession hana = WebappSession.logIn("http://localhost:" + port, "tasklist", "hana", "hana-demo").speaking("zh-CN");
        String definition = repositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_ID).latestVersion()
                .singleResult().getId();
        java.util.Map<String, Object> variables = new java.util.LinkedHashMap<>();
        report().forEach((name, value) -> variables.put(name, java.util.Map.of("value", value)));

        var started = hana.send("POST", "/camunda/api/engine/engine/default/process-definition/" + definition + "/submit-form",
                JSON.writeValueAsString(java.util.Map.of("variables", variables)), "application/json");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instance = JSON.readTree(started.body()).path("id").asText();
        String ticketNumber = runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();

        // what Tasklist asks right after a start, to name the tasks the starter is assigned to in the new instance
        var assigned = hana.send("GET", "/camunda/api/engine/engine/default/task?processInstanceId=" + instance
                + "&assignee=hana&maxResults=15", null, "application/json");
        JsonNode tasks = JSON.readTree(assigned.body());
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("name").asText()).isEqualTo("告知来电人工单号 " + ticketNumber);
        Task tell = taskService.createTaskQuery().taskId(tasks.get(0).path("id").asText()).singleResult();
        assertThat(ticketFacts(hana, tell).path("number").asText()).isEqualTo(ticketNumber);

        // it holds nothing up, and goes by itself after 8 hours
        ProcessInstance ticket = runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult();
        executeJobAt(ticket, "Task_DiagnoseFault");
        assertThat(task(ticket, TASK_CONFIRM_DIAGNOSIS)).isNotNull();
        org.camunda.bpm.engine.runtime.Job expiry = timerAt(ticket, "BoundaryEvent_CallerTaskExpired");
        assertThat(expiry.getDuedate().toInstant()).isEqualTo(WEDNESDAY_10_00.plus(java.time.Duration.ofHours(8)));
        managementService.executeJob(expiry.getId());
        assertThat(taskService.createTaskQuery().taskId(tell.getId()).count()).isZero();
        assertThat(task(ticket, TASK_CONFIRM_DIAGNOSIS)).isNotNull();
    }

    @Test
    void aTicketReportedOnTheMerchantsPageGivesNobodyThatTask() {
        ProcessInstance ticket = startTicket(report());
        assertThat(taskService.createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey("Task_TellCallerTicketNumber")
                .count()).isZero();
    }

    private org.camunda.bpm.engine.RepositoryService repositoryService() {
        return processEngine.getRepositoryService();
    }

    private JsonNode ticketFacts(WebappSession session, Task task) throws Exception {
        JsonNode ticket = formVariables(session, task).path("ticket");
        assertThat(ticket.path("type").asText()).isEqualTo("Json");
        return JSON.readTree(ticket.path("value").asText());
    }

    private JsonNode formVariables(WebappSession session, Task task) throws Exception {
        var answer = session.send("GET", "/camunda/api/engine/engine/default/task/" + task.getId()
                + "/form-variables?deserializeValues=false", null, "application/json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private Task task(ProcessInstance ticket, String key) {
        return taskService.createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey(key).singleResult();
    }
}
