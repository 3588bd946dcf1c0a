package org.posmaintenance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.testing.WebappSession;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cockpit's service-level view (the plugin {@code pos-sla}) through the request its script sends, as a manager logged
 * into Cockpit: open tickets by SLA state, the breached and the at-risk ones with links to their instances, the
 * report's figures; an analyst (Cockpit, not a manager) is refused.
 */
class CockpitSlaViewTest extends ProcessScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OVERVIEW = "/camunda/api/cockpit/plugin/pos-sla/default/overview?days=30";

    @LocalServerPort int port;

    @Test
    void aManagerSeesTheBreachedAndTheAtRiskTicketsInChinese() throws Exception {
        ProcessInstance breached = ticketAwaitingDiagnosis(report());
        setClock(record(breached).responseDue().plusSeconds(60));
        executeJobAt(breached, "BoundaryEvent_ResponseSlaBreached");
        assertThat(record(breached).slaState()).isEqualTo("BREACHED");
        ProcessInstance atRisk = ticketAwaitingDiagnosis(report());
        setClock(record(atRisk).responseDue().minus(Duration.ofHours(2)));

        WebappSession mary = WebappSession.logIn("http://localhost:" + port, "cockpit", "mary", "mary-demo").speaking("zh-CN");
        HttpResponse<String> answer = mary.send("GET", OVERVIEW, null, "application/json");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode overview = JSON.readTree(answer.body());
        assertThat(overview.path("open").path("BREACHED").path("label").asText()).isEqualTo("已超时");
        assertThat(overview.path("open").path("BREACHED").path("tickets").asInt()).isPositive()
                .as("all breached tickets of the test database are listed").isLessThanOrEqualTo(SlaOverview.LISTED);
        assertThat(numbers(overview.path("breached"))).contains(breached.getBusinessKey() + "@" + breached.getId())
                .doesNotContain(atRisk.getBusinessKey() + "@" + atRisk.getId());
        assertThat(numbers(overview.path("atRisk"))).contains(atRisk.getBusinessKey() + "@" + atRisk.getId());
        JsonNode listed = find(overview.path("atRisk"), atRisk.getBusinessKey());
        assertThat(listed.path("merchant").asText()).isEqualTo("Lotus Tea House");
        assertThat(listed.path("stage").asText()).isEqualTo("故障诊断");
        assertThat(listed.path("deadlineKind").asText()).isEqualTo("首次响应");
        assertThat(listed.path("deadline").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(overview.path("report").path("reported").asInt()).isPositive();
        assertThat(overview.path("report").has("responseMetPercent")).isTrue();
    }

    @Test
    void theScriptIsServedAndAnAnalystIsRefused() throws Exception {
        WebappSession alan = WebappSession.logIn("http://localhost:" + port, "cockpit", "alan", "alan-demo");
        HttpResponse<String> script = alan.send("GET", "/camunda/api/cockpit/plugin/pos-sla/static/app/plugin.js", null, "*/*");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("pluginPoint: 'cockpit.dashboard'");

        assertThat(alan.send("GET", OVERVIEW, null, "application/json").statusCode()).isEqualTo(403);
    }

    private static List<String> numbers(JsonNode tickets) {
        List<String> numbers = new ArrayList<>();
        tickets.forEach(ticket -> numbers.add(ticket.path("ticketNumber").asText() + "@" + ticket.path("processInstanceId").asText()));
        return numbers;
    }

    private static JsonNode find(JsonNode tickets, String number) {
        for (JsonNode ticket : tickets) {
            if (ticket.path("ticketNumber").asText().equals(number)) {
                return ticket;
            }
        }
        throw new AssertionError("No ticket " + number + " in " + tickets);
    }
}
