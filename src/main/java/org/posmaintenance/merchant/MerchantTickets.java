package org.posmaintenance.merchant;

import static org.posmaintenance.model.ModelContract.*;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.posmaintenance.cancellation.TicketCancellations;
import org.posmaintenance.intake.ReportChannel;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.TicketRegistry;
import org.posmaintenance.ticket.TicketTokens;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a merchant may do with tickets without being a Camunda user: report a fault, read a ticket
 * with its access token, answer the ticket's survey. The checks of the report are those of the
 * process itself ({@code Task_RegisterTicket}), so the start form, the engine REST API and this
 * API accept and refuse the same reports.
 */
@Service
public class MerchantTickets {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    static final String DEFAULT_WITHDRAWAL_REASON = "Withdrawn by the merchant: the terminal works again.";

    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskService tasks;
    private final TicketRegistry registry;
    private final TicketTokens tokens;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final TicketCancellations cancellations;

    public MerchantTickets(RuntimeService runtime, HistoryService history, TaskService tasks, TicketRegistry registry,
                           TicketTokens tokens, JdbcTemplate jdbc, ObjectMapper json, TicketCancellations cancellations) {
        this.runtime = runtime;
        this.history = history;
        this.tasks = tasks;
        this.registry = registry;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.json = json;
        this.cancellations = cancellations;
    }

    /** A fault report from the merchant page or another client. */
    public record Report(String merchantId, String terminalSerial, String faultCategory, String description,
                         String contactPhone, Object paymentsBlocked) {
    }

    /** The answer to a report: the ticket, a token to read it, and whether this was a replay. */
    public record Reported(String ticketNumber, String accessToken, boolean replay) {
    }

    /**
     * Starts a ticket, or with an idempotency key already used by this merchant returns that ticket
     * (with a new token). The process start, the key and the token are one transaction.
     */
    @Transactional
    public Reported report(Report report, String idempotencyKey) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidTicketInputException("Idempotency-Key", "must be 1-100 letters, digits, '-' or '_'");
        }
        Optional<Reported> earlier = replay(report.merchantId(), idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(REPORT_CHANNEL, ReportChannel.ONLINE.name());
        variables.put(MERCHANT_ID, report.merchantId());
        variables.put(TERMINAL_SERIAL, report.terminalSerial());
        variables.put(FAULT_CATEGORY, report.faultCategory());
        variables.put(FAULT_DESCRIPTION, report.description());
        // checked by the process like every other field
        variables.put(PAYMENTS_BLOCKED, report.paymentsBlocked() == null ? Boolean.FALSE : report.paymentsBlocked());
        if (report.contactPhone() != null && !report.contactPhone().isBlank()) {
            variables.put(CONTACT_PHONE, report.contactPhone());
        }
        String ticketNumber = runtime.startProcessInstanceByKey(PROCESS_ID, variables).getBusinessKey();
        if (idempotencyKey != null) {
            jdbc.update("INSERT INTO merchant_request (merchant_id, idempotency_key, ticket_number, created_at) VALUES (?, ?, ?, ?)",
                    report.merchantId(), idempotencyKey, ticketNumber, new Timestamp(ClockUtil.getCurrentTime().getTime()));
        }
        return new Reported(ticketNumber, tokens.issue(ticketNumber), false);
    }

    /** The ticket of an earlier report with this idempotency key, with a new token. */
    @Transactional
    public Optional<Reported> replay(String merchantId, String idempotencyKey) {
        if (idempotencyKey == null || merchantId == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT ticket_number FROM merchant_request WHERE merchant_id = ? AND idempotency_key = ?",
                        String.class, merchantId, idempotencyKey).stream().findFirst()
                .map(ticketNumber -> new Reported(ticketNumber, tokens.issue(ticketNumber), true));
    }

    /** The ticket as the merchant sees it, or empty when the token does not grant this ticket. */
    public Optional<Map<String, Object>> status(String ticketNumber, String token) {
        return accessible(ticketNumber, token).map(this::describe);
    }

    /** Outcome of a withdrawal. */
    public enum WithdrawalOutcome { WITHDRAWN, NOT_FOUND, CLOSED, REPAIR_DONE, SUSPENDED }

    /** The merchant's withdrawal of a report whose terminal works again; the reason is optional. */
    @Transactional
    public WithdrawalOutcome withdraw(String ticketNumber, String token, String reason) {
        String text = reason == null || reason.isBlank() ? DEFAULT_WITHDRAWAL_REASON : reason.strip();
        if (text.length() > 500) {
            throw new InvalidTicketInputException("reason", "is longer than 500 characters");
        }
        Optional<TicketRegistry.Ticket> ticket = accessible(ticketNumber, token);
        if (ticket.isEmpty()) {
            return WithdrawalOutcome.NOT_FOUND;
        }
        try {
            cancellations.cancel(ticketNumber, TicketCancellations.MERCHANT, text, true);
            return WithdrawalOutcome.WITHDRAWN;
        } catch (TicketCancellations.RefusedException refused) {
            return switch (refused.refusal()) {
                case REPAIR_DONE -> WithdrawalOutcome.REPAIR_DONE;
                case SUSPENDED -> WithdrawalOutcome.SUSPENDED;
                case UNKNOWN, CLOSED -> WithdrawalOutcome.CLOSED;
            };
        }
    }

    /** Outcome of a survey answer. */
    public enum SurveyOutcome { ANSWERED, NOT_FOUND, CLOSED }

    /** Answers the survey; the score and comment are checked by the survey task itself. */
    @Transactional
    public SurveyOutcome answerSurvey(String ticketNumber, String token, Object score, String comment) {
        Optional<TicketRegistry.Ticket> ticket = accessible(ticketNumber, token);
        if (ticket.isEmpty()) {
            return SurveyOutcome.NOT_FOUND;
        }
        Task survey = tasks.createTaskQuery().processInstanceId(ticket.get().processInstanceId())
                .taskDefinitionKey(TASK_ANSWER_SURVEY).singleResult();
        if (survey == null) {
            return SurveyOutcome.CLOSED;
        }
        Map<String, Object> answer = new HashMap<>();
        answer.put(SURVEY_SCORE, score);
        if (comment != null) {
            answer.put(SURVEY_COMMENT, comment);
        }
        tasks.complete(survey.getId(), answer);
        return SurveyOutcome.ANSWERED;
    }

    private Optional<TicketRegistry.Ticket> accessible(String ticketNumber, String token) {
        if (ticketNumber == null || ticketNumber.length() > 20 || !tokens.grants(token, ticketNumber)) {
            return Optional.empty();
        }
        return registry.find(ticketNumber);
    }

    private Map<String, Object> describe(TicketRegistry.Ticket ticket) {
        Map<String, TypedValue> vars = new HashMap<>();
        // the ticket's variables live on the process instance; local ones of single steps are left out
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceId(ticket.processInstanceId()).disableCustomObjectDeserialization().list()) {
            if (ticket.processInstanceId().equals(variable.getExecutionId())) {
                vars.put(variable.getName(), variable.getTypedValue());
            }
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("ticketNumber", ticket.number());
        String state = ticket.open() ? "OPEN" : ticket.outcome() == TicketRegistry.Outcome.CLOSED ? "CLOSED" : "CANCELLED";
        status.put("status", state);
        status.put("stage", ticket.open() ? value(vars, STAGE) : state);
        status.put("canWithdraw", ticket.open() && !cancellations.repairDone(ticket.processInstanceId()));
        if (!ticket.open() && ticket.outcome() != TicketRegistry.Outcome.CLOSED) {
            Map<String, Object> cancellation = new LinkedHashMap<>();
            cancellation.put("at", ticket.closedAt().toString());
            cancellation.put("byMerchant", TicketCancellations.MERCHANT.equals(ticket.endedBy()));
            cancellation.put("reason", ticket.endReason());
            status.put("cancellation", cancellation);
        }
        status.put("merchantName", value(vars, MERCHANT_NAME));
        status.put("terminalSerial", ticket.terminalSerial());
        status.put("faultCategory", value(vars, FAULT_CATEGORY));
        status.put("description", value(vars, FAULT_DESCRIPTION));
        status.put("reportedAt", ticket.reportedAt().toString());
        status.put("severity", value(vars, SEVERITY));
        status.put("repairChannel", value(vars, REPAIR_CHANNEL));
        status.put("responseDue", instant(vars, RESPONSE_DUE));
        status.put("resolutionDue", instant(vars, RESOLUTION_DUE));
        status.put("eta", instant(vars, RESOLUTION_ETA));
        status.put("loaner", vars.containsKey(LOANER_SERIAL) ? loaner(vars) : null);
        status.put("bill", jsonValue(vars, BILL, Object.class));
        Object notifications = jsonValue(vars, NOTIFICATIONS, List.class);
        status.put("notifications", notifications == null ? List.of() : notifications);
        status.put("survey", survey(ticket, vars));
        return status;
    }

    private Map<String, Object> loaner(Map<String, TypedValue> vars) {
        Map<String, Object> loaner = new LinkedHashMap<>();
        loaner.put("serial", value(vars, LOANER_SERIAL));
        loaner.put("lentAt", instant(vars, LOANER_LENT_AT));
        loaner.put("returnedAt", instant(vars, LOANER_RETURNED_AT));
        return loaner;
    }

    private Map<String, Object> survey(TicketRegistry.Ticket ticket, Map<String, TypedValue> vars) {
        Map<String, Object> survey = new LinkedHashMap<>();
        // the score is there as soon as the survey task is completed; surveyAnswered only once it is recorded
        boolean answered = vars.containsKey(SURVEY_SCORE);
        boolean expired = Boolean.FALSE.equals(value(vars, SURVEY_ANSWERED));
        boolean open = ticket.open() && tasks.createTaskQuery().processInstanceId(ticket.processInstanceId())
                .taskDefinitionKey(TASK_ANSWER_SURVEY).count() > 0;
        survey.put("status", answered ? "ANSWERED" : expired ? "EXPIRED" : open ? "OPEN" : "NOT_YET");
        survey.put("expiresAt", instant(vars, SURVEY_EXPIRES_AT));
        survey.put("score", answered ? value(vars, SURVEY_SCORE) : null);
        survey.put("comment", answered ? value(vars, SURVEY_COMMENT) : null);
        return survey;
    }

    private static Object value(Map<String, TypedValue> vars, String name) {
        TypedValue value = vars.get(name);
        return value == null ? null : value.getValue();
    }

    private static String instant(Map<String, TypedValue> vars, String name) {
        Object value = value(vars, name);
        return value instanceof java.util.Date date ? date.toInstant().toString() : null;
    }

    private <T> T jsonValue(Map<String, TypedValue> vars, String name, Class<T> type) {
        if (!(vars.get(name) instanceof JsonValue value) || value.getValueSerialized() == null) {
            return null;
        }
        try {
            return json.readValue(value.getValueSerialized(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Variable " + name + " of a ticket is not JSON", e);
        }
    }
}
