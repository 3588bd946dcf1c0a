package org.posmaintenance.merchant;

import static org.posmaintenance.model.ModelContract.*;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.posmaintenance.billing.BillRecords;
import org.posmaintenance.cancellation.TicketCancellations;
import org.posmaintenance.feedback.Evaluations;
import org.posmaintenance.intake.ReportChannel;
import org.posmaintenance.repair.LoanerLendings;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.sla.SlaDeadlines;
import org.posmaintenance.sla.SlaPauses;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.posmaintenance.ticket.TicketTokens;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a merchant may do with tickets without being a Camunda user: report a fault, read a ticket
 * with its access token, answer the ticket's survey. The checks of the report are those of the
 * process itself ({@code Task_RegisterTicket}), so the start form, the engine REST API and this
 * API accept and refuse the same reports.
 */
@Service
public class MerchantTickets {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{16,100}");
    /** What a merchant id can be at all (the process checks that it exists). */
    private static final Pattern MERCHANT_ID_FORM = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /** An Idempotency-Key sent again with another report than the first time. */
    public static class IdempotencyKeyReusedException extends RuntimeException {
        IdempotencyKeyReusedException() {
            super("This Idempotency-Key was used for another report; use a new key for a new report");
        }
    }
    static final String DEFAULT_WITHDRAWAL_REASON = "Withdrawn by the merchant: the terminal works again.";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TicketRegistry registry;
    private final TicketTokens tokens;
    private final JdbcTemplate jdbc;
    private final TicketCancellations cancellations;
    private final MerchantDirectory directory;
    private final BillRecords bills;
    private final LoanerLendings lendings;
    private final Evaluations evaluations;
    private final TicketJournal journal;
    private final Clock clock;
    private final SlaDeadlines deadlines;
    private final SlaPauses pauses;

    public MerchantTickets(RuntimeService runtime, TaskService tasks, TicketRegistry registry, TicketTokens tokens,
                           JdbcTemplate jdbc, TicketCancellations cancellations, MerchantDirectory directory,
                           BillRecords bills, LoanerLendings lendings, Evaluations evaluations, TicketJournal journal, Clock clock,
                           SlaDeadlines deadlines, SlaPauses pauses) {
        this.deadlines = deadlines;
        this.pauses = pauses;
        this.runtime = runtime;
        this.tasks = tasks;
        this.registry = registry;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.cancellations = cancellations;
        this.directory = directory;
        this.bills = bills;
        this.lendings = lendings;
        this.evaluations = evaluations;
        this.journal = journal;
        this.clock = clock;
    }

    /** A fault report from the merchant page or another client. */
    public record Report(String merchantId, String terminalSerial, String faultCategory, String description,
                         String contactPhone, Object paymentsBlocked) {

        /** The same report, for the merchant who proved who they are. */
        public Report by(String verifiedMerchant) {
            return new Report(verifiedMerchant, terminalSerial, faultCategory, description, contactPhone, paymentsBlocked);
        }
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
            throw new InvalidTicketInputException("Idempotency-Key", "idempotencyKey");
        }
        Optional<Reported> earlier = replay(report, idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(REPORT_CHANNEL, ReportChannel.ONLINE.name());
        // the text as it will be kept: trimmed (the process checks the lengths of what it keeps, and a variable of
        // thousands of padding spaces would not fit the engine's column)
        variables.put(MERCHANT_ID, trimmed(report.merchantId()));
        variables.put(TERMINAL_SERIAL, trimmed(report.terminalSerial()));
        variables.put(FAULT_CATEGORY, trimmed(report.faultCategory()));
        variables.put(FAULT_DESCRIPTION, trimmed(report.description()));
        // checked by the process like every other field
        variables.put(PAYMENTS_BLOCKED, report.paymentsBlocked() == null ? Boolean.FALSE : report.paymentsBlocked());
        if (report.contactPhone() != null && !report.contactPhone().isBlank()) {
            variables.put(CONTACT_PHONE, trimmed(report.contactPhone()));
        }
        String ticketNumber = runtime.startProcessInstanceByKey(PROCESS_ID, variables).getBusinessKey();
        if (idempotencyKey != null) {
            jdbc.update("INSERT INTO merchant_request (merchant_id, idempotency_key, ticket_number, created_at, body_hash)"
                    + " VALUES (?, ?, ?, ?, ?)", report.merchantId(), idempotencyKey, ticketNumber, Timestamp.from(clock.instant()),
                    fingerprint(report));
        }
        return new Reported(ticketNumber, tokens.issue(ticketNumber), false);
    }

    /**
     * The ticket of an earlier report with this idempotency key, with a new token.
     *
     * @throws IdempotencyKeyReusedException when the key was first sent with another report
     */
    @Transactional
    public Optional<Reported> replay(Report report, String idempotencyKey) {
        if (idempotencyKey == null || report.merchantId() == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()
                || !MERCHANT_ID_FORM.matcher(report.merchantId().strip()).matches()) {
            return Optional.empty();   // no earlier request was accepted with such a key or merchant id
        }
        Optional<Map<String, Object>> earlier = jdbc.queryForList("SELECT ticket_number, body_hash FROM merchant_request"
                + " WHERE merchant_id = ? AND idempotency_key = ?", report.merchantId().strip(), idempotencyKey).stream().findFirst();
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        Object hash = earlier.get().get("body_hash");
        if (hash != null && !hash.toString().equals(fingerprint(report))) {
            throw new IdempotencyKeyReusedException();
        }
        String ticketNumber = earlier.get().get("ticket_number").toString();
        return Optional.of(new Reported(ticketNumber, tokens.issue(ticketNumber), true));
    }

    /** SHA-256 of the report's fields as kept (trimmed), one per line. */
    static String fingerprint(Report report) {
        String canonical = String.join("\n", String.valueOf(trimmed(report.merchantId())), String.valueOf(trimmed(report.terminalSerial())),
                String.valueOf(trimmed(report.faultCategory())), String.valueOf(trimmed(report.description())),
                String.valueOf(trimmed(report.contactPhone())), String.valueOf(report.paymentsBlocked()));
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Who asks for a ticket: the holder of a ticket's access token (the link in the merchant's notifications), or a
     * merchant verified by a one-time code (their session), who may open every ticket of theirs.
     */
    public record Access(String token, String verifiedMerchant) {
    }

    /** The ticket as the merchant sees it, or empty when the access does not grant this ticket. */
    public Optional<Map<String, Object>> status(String ticketNumber, Access access) {
        return accessible(ticketNumber, access).map(this::describe);
    }

    /** The verified merchant's tickets, newest first (at most {@code limit}): number, terminal, status and stage. */
    public List<Map<String, Object>> ticketsOf(String verifiedMerchant, int limit) {
        return registry.ofMerchant(verifiedMerchant, limit).stream().map(ticket -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("ticketNumber", ticket.number());
                    row.put("terminalSerial", ticket.terminalSerial());
                    row.put("faultCategory", ticket.report().faultCategory());
                    String state = ticket.open() ? "OPEN" : ticket.outcome() == TicketRegistry.Outcome.CLOSED ? "CLOSED" : "CANCELLED";
                    row.put("status", state);
                    row.put("stage", ticket.open() ? ticket.stage() : state);
                    row.put("reportedAt", text(ticket.reportedAt()));
                    row.put("closedAt", text(ticket.closedAt()));
                    return row;
                }).toList();
    }

    /** Outcome of a withdrawal. */
    public enum WithdrawalOutcome { WITHDRAWN, NOT_FOUND, CLOSED, REPAIR_DONE, SUSPENDED }

    /** The merchant's withdrawal of a report whose terminal works again; the reason is optional. */
    @Transactional
    public WithdrawalOutcome withdraw(String ticketNumber, Access access, String reason) {
        String text = reason == null || reason.isBlank() ? DEFAULT_WITHDRAWAL_REASON : reason.strip();
        if (text.length() > 500) {
            throw new InvalidTicketInputException("reason", "tooLong", 500);
        }
        if (TicketInput.CONTROL.matcher(text).find()) {
            throw new InvalidTicketInputException("reason", "controlCharacters");
        }
        Optional<TicketRegistry.Ticket> ticket = accessible(ticketNumber, access);
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
    public SurveyOutcome answerSurvey(String ticketNumber, Access access, Object score, String comment) {
        Optional<TicketRegistry.Ticket> ticket = accessible(ticketNumber, access);
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

    private Optional<TicketRegistry.Ticket> accessible(String ticketNumber, Access access) {
        if (ticketNumber == null || ticketNumber.length() > 20) {
            return Optional.empty();
        }
        if (access.verifiedMerchant() != null) {
            Optional<TicketRegistry.Ticket> own = registry.find(ticketNumber)
                    .filter(ticket -> ticket.merchantId().equals(access.verifiedMerchant()));
            if (own.isPresent()) {
                return own;
            }
        }
        return tokens.grants(access.token(), ticketNumber) ? registry.find(ticketNumber) : Optional.empty();
    }

    private Map<String, Object> describe(TicketRegistry.Ticket ticket) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("ticketNumber", ticket.number());
        String state = ticket.open() ? "OPEN" : ticket.outcome() == TicketRegistry.Outcome.CLOSED ? "CLOSED" : "CANCELLED";
        status.put("status", state);
        status.put("stage", ticket.open() ? ticket.stage() : state);
        status.put("canWithdraw", ticket.open() && ticket.repairDoneAt() == null);
        if (!ticket.open() && ticket.outcome() != TicketRegistry.Outcome.CLOSED) {
            Map<String, Object> cancellation = new LinkedHashMap<>();
            cancellation.put("at", ticket.closedAt().toString());
            cancellation.put("byMerchant", TicketCancellations.MERCHANT.equals(ticket.endedBy()));
            cancellation.put("reason", ticket.endReason());
            status.put("cancellation", cancellation);
        }
        status.put("merchantName", directory.merchant(ticket.merchantId()).map(Merchant::name).orElse(null));
        status.put("terminalSerial", ticket.terminalSerial());
        status.put("faultCategory", ticket.report().faultCategory());
        status.put("description", ticket.report().faultDescription());
        status.put("reportedAt", ticket.reportedAt().toString());
        status.put("severity", ticket.severity());
        status.put("repairChannel", ticket.repairChannel());
        status.put("responseDue", text(ticket.responseDue()));
        // the promise: first response within so many hours of the report
        status.put("responseWithinHours", deadlines.responseTarget(ticket.number()).map(Duration::toHours).orElse(null));
        status.put("resolutionDue", text(ticket.resolutionDue()));
        // provisional while a deadline is still to come that counts days of a year without official notice
        status.put("deadlinesProvisional", ticket.open() && ticket.repairDoneAt() == null
                && Boolean.TRUE.equals(deadlines.provisional(ticket.processInstanceId())));
        status.put("pause", ticket.open() ? pauses.current(ticket.number()).map(MerchantTickets::pause).orElse(null) : null);
        status.put("deadlineChanges", journal.slaEntries(ticket.number()).stream()
                .filter(entry -> TicketJournal.SHOWN_TO_MERCHANT.contains(entry.kind())).map(MerchantTickets::slaEntry).toList());
        status.put("eta", text(ticket.resolutionEta()));
        status.put("loaner", lendings.of(ticket.number()).map(MerchantTickets::loaner).orElse(null));
        status.put("bill", bills.of(ticket.number()).orElse(null));
        status.put("notifications", journal.notifications(ticket.number()).stream().map(MerchantTickets::notification).toList());
        status.put("survey", survey(ticket));
        return status;
    }

    private static Map<String, Object> loaner(LoanerLendings.Lending lending) {
        Map<String, Object> loaner = new LinkedHashMap<>();
        loaner.put("serial", lending.loanerSerial());
        loaner.put("lentAt", text(lending.lentAt()));
        loaner.put("returnedAt", text(lending.returnedAt()));
        return loaner;
    }

    private static Map<String, Object> pause(SlaPauses.Pause pause) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", pause.kind().name());
        view.put("since", text(pause.startedAt()));
        view.put("until", text(pause.endsAt()));
        return view;
    }

    private static Map<String, Object> slaEntry(TicketJournal.SlaEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", text(entry.at()));
        view.put("kind", entry.kind());
        view.put("deadline", entry.deadline());
        view.put("from", text(entry.previousAt()));
        view.put("to", text(entry.movedTo()));
        view.put("message", entry.message());
        return view;
    }

    private static Map<String, Object> notification(TicketJournal.Entry entry) {
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("at", text(entry.at()));
        notification.put("kind", entry.kind());
        notification.put("message", entry.message());
        if (entry.eta() != null) {
            notification.put("eta", text(entry.eta()));
        }
        return notification;
    }

    private Map<String, Object> survey(TicketRegistry.Ticket ticket) {
        Optional<Evaluations.Evaluation> evaluation = evaluations.of(ticket.number());
        boolean answered = evaluation.map(Evaluations.Evaluation::answered).orElse(false);
        boolean expired = evaluation.isPresent() && !answered;
        boolean open = ticket.open() && tasks.createTaskQuery().processInstanceId(ticket.processInstanceId())
                .taskDefinitionKey(TASK_ANSWER_SURVEY).count() > 0;
        Map<String, Object> survey = new LinkedHashMap<>();
        survey.put("status", answered ? "ANSWERED" : expired ? "EXPIRED" : open ? "OPEN" : "NOT_YET");
        survey.put("expiresAt", text(ticket.surveyExpiresAt()));
        survey.put("score", answered ? evaluation.get().score() : null);
        survey.put("comment", answered ? evaluation.get().comment() : null);
        return survey;
    }

    private static String trimmed(String text) {
        return text == null ? null : text.strip();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
