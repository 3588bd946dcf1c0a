package org.posmaintenance.worklist;

import static org.posmaintenance.model.ModelContract.*;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.posmaintenance.ticket.StaffTexts;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Words instead of codes in what Tasklist shows, in the language of the request ({@code Accept-Language}):
 * <ul>
 * <li>{@code GET .../task/{id}/form-variables} (what Tasklist loads into a task's form) gets the variable
 * {@code ticket}, a JSON object with the ticket's facts ({@link TicketSummary}); <em>Agree on-site appointment</em> gets
 * the shop's address as the first value of its field {@code visitAddress}. Neither is a process variable: a form's
 * text shows them, and the form submits only its own fields.</li>
 * <li>{@code .../filter/{id}/list} (Tasklist's task list) shows the columns severity, repair channel, SLA state and
 * fault category in words.</li>
 * </ul>
 * Only answers the engine gave (200) are changed, so the caller was allowed to read the task and its variables; the
 * facts are read without the caller's engine authorization (the merchant's and the technician's names are not engine
 * resources a technician reads).
 */
public class TicketSummaryFilter extends OncePerRequestFilter {

    private static final Pattern FORM_VARIABLES = Pattern.compile("/task/([^/]+)/form-variables$");
    private static final Pattern FILTER_LIST = Pattern.compile("/filter/[^/]+/list$");
    /** Columns of Tasklist's filters whose values are codes, and the catalogue's prefix for their words. */
    private static final Map<String, String> CODE_COLUMNS = Map.of(SEVERITY, "severity", REPAIR_CHANNEL, "repairChannel",
            SLA_STATE, "slaState", FAULT_CATEGORY, "faultCategory");

    private final TaskService tasks;
    private final IdentityService identity;
    private final TicketSummary facts;
    private final ObjectMapper json;

    public TicketSummaryFilter(TaskService tasks, IdentityService identity, TicketSummary facts, ObjectMapper json) {
        this.tasks = tasks;
        this.identity = identity;
        this.facts = facts;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        Matcher formVariables = FORM_VARIABLES.matcher(path);
        boolean form = "GET".equals(request.getMethod()) && formVariables.find();
        boolean list = FILTER_LIST.matcher(path).find();
        if (!form && !list) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        if (answer.getStatus() == HttpServletResponse.SC_OK && answer.getContentSize() > 0) {
            Locale language = StaffTexts.ofAcceptLanguage(request.getHeader("Accept-Language"));
            JsonNode body = json.readTree(answer.getContentAsByteArray());
            boolean changed = form ? addFacts(formVariables.group(1), body, language) : wordsInColumns(body, language);
            if (changed) {
                byte[] bytes = json.writeValueAsBytes(body);
                answer.resetBuffer();
                answer.setContentLength(bytes.length);
                answer.getOutputStream().write(bytes);
            }
        }
        answer.copyBodyToResponse();
    }

    private boolean addFacts(String taskId, JsonNode body, Locale language) {
        if (!(body instanceof ObjectNode variables)) {
            return false;
        }
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                return false;
            }
            Map<String, Object> values = tasks.getVariables(taskId);
            Optional<Map<String, String>> ticket = facts.of(task.getProcessInstanceId(), values, language);
            if (ticket.isEmpty()) {
                return false;
            }
            ObjectNode variable = variables.putObject("ticket");
            variable.put("type", "Json");
            variable.put("value", json.writeValueAsString(ticket.get()));
            variable.putObject("valueInfo");
            if (TASK_SCHEDULE_VISIT.equals(task.getTaskDefinitionKey()) && !variables.has(VISIT_ADDRESS)
                    && !"—".equals(ticket.get().get("address"))) {
                ObjectNode address = variables.putObject(VISIT_ADDRESS);
                address.put("type", "String");
                address.put("value", ticket.get().get("address"));
                address.putObject("valueInfo");
            }
            return true;
        } catch (IOException e) {
            throw new IllegalStateException("The ticket's facts could not be written as JSON", e);
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private static boolean wordsInColumns(JsonNode body, Locale language) {
        boolean changed = false;
        for (JsonNode task : body.path("_embedded").path("task")) {
            changed |= wordsInColumnsOf(task, language);
        }
        return changed;
    }

    private static boolean wordsInColumnsOf(JsonNode task, Locale language) {
        boolean changed = false;
        for (JsonNode variable : task.path("_embedded").path("variable")) {
            String prefix = CODE_COLUMNS.get(variable.path("name").asText());
            if (prefix != null && variable.path("value").isTextual() && variable instanceof ObjectNode column) {
                column.put("value", StaffTexts.word(language, prefix, variable.path("value").asText()));
                changed = true;
            }
        }
        return changed;
    }
}
