package org.posmaintenance.sla;

import static org.posmaintenance.model.ModelContract.*;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Pauses of the resolution clock while a ticket waits on the merchant, recorded in {@code ticket_sla_pause} in the
 * transaction of the step that starts or ends them:
 * <ul>
 *   <li>{@link Kind#MAIL_IN}: from the moment the merchant is asked to send the terminal (the repair centre's task
 *       to receive it appears) until the centre receives it;</li>
 *   <li>{@link Kind#VISIT_POSTPONED}: the merchant asked to postpone the on-site visit, from the request until the new
 *       appointment;</li>
 *   <li>{@link Kind#MERCHANT_UNREACHABLE}: the technician recorded the attempts to reach the merchant, until he
 *       reaches him.</li>
 * </ul>
 * While a pause of unknown end runs, the resolution timers are suspended (they cannot fire); when it ends they move
 * by the paused time measured on the resolution's own clock ({@link SlaPolicy#resolution}) and run again. A pause
 * longer than {@code pos.sla.pause.approval-after} needs a supervisor's approval (process {@code SlaPauseApproval}):
 * refused, it counts only up to that length.
 */
@Component
public class SlaPauses {

    /** Why the ticket waits on the merchant. */
    public enum Kind { MAIL_IN, VISIT_POSTPONED, MERCHANT_UNREACHABLE }

    /** Whether a long pause was approved. */
    public enum Approval { NOT_NEEDED, PENDING, APPROVED, REFUSED }

    /** A pause: its ticket, why, from when until when (null while open), who recorded it, the approval. */
    public record Pause(long id, String ticketNumber, Kind kind, Instant startedAt, Instant endsAt, String reason,
                        String recordedBy, Approval approval, String decidedBy, Instant decidedAt) {
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcTemplate jdbc;
    private final SlaDeadlines deadlines;
    private final SlaPolicy policy;
    private final TicketRegistry registry;
    private final TicketJournal journal;
    private final ProcessEngine engine;
    private final ServiceHoursCalendar calendar;
    private final Clock clock;

    public SlaPauses(JdbcTemplate jdbc, SlaDeadlines deadlines, SlaPolicy policy, TicketRegistry registry, TicketJournal journal,
                     ProcessEngine engine, ServiceHoursCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.policy = policy;
        this.registry = registry;
        this.journal = journal;
        this.engine = engine;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A pause of unknown end begins now: the resolution timers are held until {@link #end} (a no-op if one of this kind runs). */
    public void start(String processInstanceId, Kind kind, String reason, String by) {
        TicketRegistry.Ticket ticket = registry.ofProcess(processInstanceId);
        if (open(ticket.number(), kind).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        long id = insert(ticket.number(), kind, now, null, reason, by);
        deadlines.holdResolutionTimers(processInstanceId);
        // the merchant page shows the event: what the pause is, not the staff's notes (they are in the pause's record)
        journal.recordSlaEvent(ticket.number(), TicketJournal.SlaEvent.PAUSE_STARTED, describe(kind));
        copies(processInstanceId);
        askApproval(ticket.number(), id, kind, reason, now, now.plus(policy.pauseApprovalAfter()));
    }

    /** A pause whose end is known (a postponed visit): the deadlines move at once. */
    public void startUntil(String processInstanceId, Kind kind, String reason, String by, Instant endsAt) {
        TicketRegistry.Ticket ticket = registry.ofProcess(processInstanceId);
        Instant now = clock.instant();
        if (!endsAt.isAfter(now)) {
            throw new IllegalArgumentException("A pause must end after it starts");
        }
        // a visit postponed again: the earlier postponement ends now, the new one runs on (the clock stops once)
        jdbc.update("UPDATE ticket_sla_pause SET ends_at = ? WHERE ticket_number = ? AND kind = ? AND ends_at > ?",
                Timestamp.from(now), ticket.number(), kind.name(), Timestamp.from(now));
        long id = insert(ticket.number(), kind, now, endsAt, reason, by);
        journal.recordSlaEvent(ticket.number(), TicketJournal.SlaEvent.PAUSE_STARTED, describe(kind) + " until "
                + SHOWN.format(endsAt.atZone(calendar.zone())));
        deadlines.recompute(ticket.number(), describe(kind) + " (" + paused(endsAt, now) + ")");
        if (Duration.between(now, endsAt).compareTo(policy.pauseApprovalAfter()) > 0) {
            askApproval(ticket.number(), id, kind, reason, now, now);
        }
        copies(processInstanceId);
    }

    /** The open pause of this kind ends now: the deadlines move by its time and the timers run again. */
    public void end(String processInstanceId, Kind kind, String note) {
        TicketRegistry.Ticket ticket = registry.ofProcess(processInstanceId);
        Optional<Pause> pause = open(ticket.number(), kind);
        if (pause.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        jdbc.update("UPDATE ticket_sla_pause SET ends_at = ? WHERE id = ?", Timestamp.from(now), pause.get().id());
        journal.recordSlaEvent(ticket.number(), TicketJournal.SlaEvent.PAUSE_ENDED, describe(kind) + " ended after "
                + paused(pause.get().startedAt(), now));
        deadlines.recompute(ticket.number(), describe(kind) + " (" + paused(pause.get().startedAt(), now) + ")");
        deadlines.releaseResolutionTimers(processInstanceId);
        copies(processInstanceId);
        // ended within the limit: no approval needed; beyond it, the supervisor's task stays and decides how much counts
        withdrawApproval(pause.get().id(), !now.isAfter(pause.get().startedAt().plus(policy.pauseApprovalAfter())));
    }

    /**
     * The ticket was cancelled: its pauses end with it (the record already says so) and approvals still waiting
     * are no longer needed.
     */
    public void ticketEnded(String ticketNumber) {
        Instant now = clock.instant();
        jdbc.update("UPDATE ticket_sla_pause SET ends_at = ? WHERE ticket_number = ? AND ends_at IS NULL", Timestamp.from(now),
                ticketNumber);
        for (Pause pause : of(ticketNumber)) {
            if (pause.approval() == Approval.PENDING) {
                withdrawApproval(pause.id(), true);
            }
        }
    }

    /**
     * The repair stage is done: nothing waits on the merchant any more. A pause still running ends now (a visit
     * done before the postponed appointment), approvals not yet asked for are withdrawn, the Cockpit copies go.
     */
    public void repairDone(String processInstanceId) {
        TicketRegistry.Ticket ticket = registry.ofProcess(processInstanceId);
        if (of(ticket.number()).isEmpty()) {
            return; // never paused (most tickets): nothing to end, to withdraw or to copy
        }
        Instant now = clock.instant();
        jdbc.update("UPDATE ticket_sla_pause SET ends_at = ? WHERE ticket_number = ? AND (ends_at IS NULL OR ends_at > ?)",
                Timestamp.from(now), ticket.number(), Timestamp.from(now));
        for (Pause pause : of(ticket.number())) {
            if (pause.approval() == Approval.PENDING) {
                withdrawApproval(pause.id(), !now.isAfter(pause.startedAt().plus(policy.pauseApprovalAfter())));
            }
        }
        copies(processInstanceId);
    }

    /** A supervisor's decision on a long pause. */
    public void decide(long pauseId, boolean approved, String by, String note) {
        Pause pause = find(pauseId).orElseThrow(() -> new IllegalStateException("No SLA pause " + pauseId));
        jdbc.update("UPDATE ticket_sla_pause SET approval = ?, decided_by = ?, decided_at = ? WHERE id = ?",
                (approved ? Approval.APPROVED : Approval.REFUSED).name(), by, Timestamp.from(clock.instant()), pauseId);
        journal.recordSlaEvent(pause.ticketNumber(), approved ? TicketJournal.SlaEvent.PAUSE_APPROVED : TicketJournal.SlaEvent.PAUSE_REFUSED,
                describe(pause.kind()) + (approved ? ": longer pause approved by " : ": counts only "
                        + paused(pause.startedAt(), pause.startedAt().plus(policy.pauseApprovalAfter())) + ", refused by ") + by
                        + (note == null || note.isBlank() ? "" : " (" + note + ")"));
        if (!approved) {
            TicketRegistry.Ticket ticket = registry.find(pause.ticketNumber()).orElseThrow();
            deadlines.recompute(pause.ticketNumber(), describe(pause.kind()) + ": longer pause not approved");
            if (pause.endsAt() == null && ticket.open()) {
                deadlines.releaseResolutionTimers(ticket.processInstanceId());
            }
        }
    }

    /** The ticket's pauses, oldest first. */
    public List<Pause> of(String ticketNumber) {
        return jdbc.query("SELECT * FROM ticket_sla_pause WHERE ticket_number = ? ORDER BY started_at, id", this::row, ticketNumber);
    }

    public Optional<Pause> find(long id) {
        return jdbc.query("SELECT * FROM ticket_sla_pause WHERE id = ?", this::row, id).stream().findFirst();
    }

    /** The pause running now, if any (an open one, or a postponement not yet over). */
    public Optional<Pause> current(String ticketNumber) {
        Instant now = clock.instant();
        return of(ticketNumber).stream()
                .filter(pause -> !pause.startedAt().isAfter(now) && (pause.endsAt() == null || pause.endsAt().isAfter(now)))
                .reduce((first, second) -> second);
    }

    public static String describe(Kind kind) {
        return switch (kind) {
            case MAIL_IN -> "Waiting for the merchant's terminal in the post (mail-in)";
            case VISIT_POSTPONED -> "On-site visit postponed at the merchant's request";
            case MERCHANT_UNREACHABLE -> "Merchant could not be reached";
        };
    }

    // ------------------------------------------------------------------------------------------------ internals

    private Optional<Pause> open(String ticketNumber, Kind kind) {
        return jdbc.query("SELECT * FROM ticket_sla_pause WHERE ticket_number = ? AND kind = ? AND ends_at IS NULL",
                this::row, ticketNumber, kind.name()).stream().findFirst();
    }

    private long insert(String ticketNumber, Kind kind, Instant start, Instant end, String reason, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO ticket_sla_pause (ticket_number, kind, started_at, ends_at,"
                    + " reason, recorded_by, approval) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, ticketNumber);
            insert.setString(2, kind.name());
            insert.setTimestamp(3, Timestamp.from(start));
            insert.setTimestamp(4, end == null ? null : Timestamp.from(end));
            insert.setString(5, TicketRegistry.clip(reason == null || reason.isBlank() ? describe(kind) : reason, 1000));
            insert.setString(6, TicketRegistry.clip(by == null ? "system" : by, 64));
            insert.setString(7, Approval.NOT_NEEDED.name());
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /** Starts the approval process: its task appears when the pause has lasted {@code approvalDueAt}. */
    private void askApproval(String ticketNumber, long pauseId, Kind kind, String reason, Instant since, Instant approvalDueAt) {
        jdbc.update("UPDATE ticket_sla_pause SET approval = ? WHERE id = ?", Approval.PENDING.name(), pauseId);
        SlaDeadlines.asSystem(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_SLA_PAUSE_APPROVAL,
                ticketNumber, Map.of(TICKET_NUMBER, ticketNumber, SLA_PAUSE_ID, pauseId, SLA_PAUSE, kind.name(),
                        SLA_PAUSE_DESCRIPTION, reason == null || reason.isBlank() ? "—" : reason,
                        SLA_PAUSED_SINCE, Date.from(since), SLA_PAUSE_APPROVAL_DUE_AT, Date.from(approvalDueAt))));
    }

    /** The pause ended before anyone decided: its approval process, still waiting, is no longer needed. */
    private void withdrawApproval(long pauseId, boolean withdraw) {
        if (!withdraw) {
            return;
        }
        SlaDeadlines.asSystem(() -> {
            for (ProcessInstance waiting : engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(PROCESS_SLA_PAUSE_APPROVAL).variableValueEquals(SLA_PAUSE_ID, pauseId).list()) {
                engine.getRuntimeService().deleteProcessInstance(waiting.getId(), "The pause ended before a decision", true);
                jdbc.update("UPDATE ticket_sla_pause SET approval = ? WHERE id = ? AND approval = ?", Approval.NOT_NEEDED.name(),
                        pauseId, Approval.PENDING.name());
            }
            return null;
        });
    }

    /** The copies for Cockpit: since when the ticket's clock stands and why, or nothing. */
    private void copies(String processInstanceId) {
        TicketRegistry.Ticket ticket = registry.ofProcess(processInstanceId);
        Optional<Pause> open = current(ticket.number());
        SlaDeadlines.asSystem(() -> {
            var runtime = engine.getRuntimeService();
            if (open.isPresent()) {
                runtime.setVariable(processInstanceId, SLA_PAUSED_SINCE, Date.from(open.get().startedAt()));
                runtime.setVariable(processInstanceId, SLA_PAUSE, open.get().kind().name());
            } else {
                runtime.removeVariable(processInstanceId, SLA_PAUSED_SINCE);
                runtime.removeVariable(processInstanceId, SLA_PAUSE);
            }
            return null;
        });
    }

    private String paused(Instant from, Instant to) {
        Duration service = SlaClock.SERVICE_HOURS.between(calendar, from, to);
        return hours(service) + " in service hours, " + hours(Duration.between(from, to)) + " in all";
    }

    private static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " h" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }

    private Pause row(java.sql.ResultSet row, int index) throws java.sql.SQLException {
        return new Pause(row.getLong("id"), row.getString("ticket_number"), Kind.valueOf(row.getString("kind")),
                TicketRegistry.instant(row, "started_at"), TicketRegistry.instant(row, "ends_at"), row.getString("reason"),
                row.getString("recorded_by"), Approval.valueOf(row.getString("approval")), row.getString("decided_by"),
                TicketRegistry.instant(row, "decided_at"));
    }

}
