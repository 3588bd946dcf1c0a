package org.posmaintenance.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.testing.WebappSession;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A refused input reaches the person in words, through the API Tasklist uses ({@code /camunda/api/engine}): the field
 * as the form names it and the reason, in the browser's language, without an engine code, a process definition id or
 * the field's id in the text; the log gets one line for it, without a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusalsInWordsTest extends ProcessScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SATURDAY_10_00 = "2026-11-28 10:00";

    @LocalServerPort int port;

    @Test
    void aVisitOnASaturdayIsRefusedInChineseWithOneLogLine(CapturedOutput output) throws Exception {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(ticket, "NORMAL", "ON_SITE", false);
        String api = "/camunda/api/engine/engine/default/task/" + task(ticket, TASK_SCHEDULE_VISIT).getId();
        WebappSession tom = WebappSession.logIn("http://localhost:" + port, "tasklist", "tom", "tom-demo").speaking("zh-CN,zh;q=0.9,en;q=0.8");
        int logBefore = output.getAll().length();

        HttpResponse<String> refused = tom.send("POST", api + "/submit-form", JSON.writeValueAsString(Map.of("variables", Map.of(
                VISIT_APPOINTMENT, Map.of("value", SATURDAY_10_00), VISIT_ADDRESS, Map.of("value", "上海市黄浦区南京东路 8 号")))),
                "application/json");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.path("field").asText()).isEqualTo(VISIT_APPOINTMENT);
        assertThat(body.path("message").asText())
                .isEqualTo("预约上门时间：必须在服务时间内（工作日 08:00–18:00，北京时间）")
                .doesNotContain("ENGINE-", "Field", VISIT_APPOINTMENT, ticket.getProcessDefinitionId());
        BpmnAwareTests.assertThat(ticket).isWaitingAt(TASK_SCHEDULE_VISIT);

        String log = output.getAll().substring(logBefore);
        assertThat(log.lines().filter(line -> line.contains("Input refused"))).as(log).hasSize(1);
        assertThat(log).as("no stack trace, no engine error for a refused input").doesNotContain("\tat ", "ENGINE-16004", "ERROR");
    }

    @Test
    void anEnglishBrowserGetsTheSameRefusalInEnglishWords() throws Exception {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(ticket, "NORMAL", "ON_SITE", false);
        String api = "/camunda/api/engine/engine/default/task/" + task(ticket, TASK_SCHEDULE_VISIT).getId();
        WebappSession tom = WebappSession.logIn("http://localhost:" + port, "tasklist", "tom", "tom-demo").speaking("en-GB,en;q=0.9");

        HttpResponse<String> refused = tom.send("POST", api + "/submit-form", JSON.writeValueAsString(Map.of("variables", Map.of(
                VISIT_APPOINTMENT, Map.of("value", "next Monday"), VISIT_ADDRESS, Map.of("value", "8 Nanjing Road")))),
                "application/json");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("message").asText())
                .isEqualTo("Appointment: 'next Monday' is not a date and time such as 2026-12-04 10:00");
    }

    @Test
    void theHotlinesStartFormIsRefusedInWordsNamingTheOpenTicket() throws Exception {
        ProcessInstance open = startTicket(report());
        String openTicket = (String) variable(open, TICKET_NUMBER);
        String definition = open.getProcessDefinitionId();
        WebappSession hotline = WebappSession.logIn("http://localhost:" + port, "tasklist", "hana", "hana-demo").speaking("zh-CN");
        Map<String, Object> report = report((String) variable(open, TERMINAL_SERIAL));
        Map<String, Object> variables = new LinkedHashMap<>();
        report.forEach((name, value) -> variables.put(name, Map.of("value", value)));

        HttpResponse<String> refused = hotline.send("POST", "/camunda/api/engine/engine/default/process-definition/" + definition
                + "/submit-form", JSON.writeValueAsString(Map.of("variables", variables)), "application/json");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("message").asText())
                .isEqualTo("终端序列号：终端 " + variable(open, TERMINAL_SERIAL) + " 已有未关闭的工单 " + openTicket)
                .doesNotContain("Cannot instantiate", definition);
    }

    private org.camunda.bpm.engine.task.Task task(ProcessInstance ticket, String key) {
        return taskService.createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey(key).singleResult();
    }
}
