package org.posmaintenance.sla;

import static org.posmaintenance.model.ModelContract.*;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.task.Task;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A ticket's deadlines after they were first set: what each is computed from is kept in the ticket's record, so
 * that a change of the holiday calendar or a pause computes it again. A deadline that changes and has not passed
 * moves everywhere it is used, in the caller's transaction: the ticket's record, the variable copy, the timer of the
 * BPMN and the due date of the tasks that showed it; each move is an SLA event the merchant page shows. A deadline
 * that has passed never moves (while a pause holds the resolution timers, theirs have not passed).
 */
@Component
public class SlaDeadlines {

    /** Which deadline moved. */
    public enum Deadline { RESPONSE_WARNING, RESPONSE, RESOLUTION, RESOLUTION_EXTENDED }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcTemplate jdbc;
    private final SlaPolicy policy;
    private final ProcessEngine engine;
    private final TicketJournal journal;
    private final ServiceHoursCalendar calendar;
    private final Clock clock;
    private final TicketRegistry registry;

    public SlaDeadlines(JdbcTemplate jdbc, SlaPolicy policy, ProcessEngine engine, TicketJournal journal,
                        ServiceHoursCalendar calendar, Clock clock, TicketRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.policy = policy;
        this.engine = engine;
        this.journal = journal;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Keeps what the first-response deadlines were computed from (at the diagnosis step). */
    public void responseSet(String processInstanceId, SlaPolicy.ResponseDeadlines deadlines) {
        registry.apply(processInstanceId, responseSet(registry.changes(), deadlines));
    }

    /** The same, written with the diagnosis step's other changes. */
    public TicketRegistry.Changes responseSet(TicketRegistry.Changes changes, SlaPolicy.ResponseDeadlines deadlines) {
        return changes.set("response_target", deadlines.basis().target().toString())
                .set("response_clock", deadlines.basis().clock().name()).set("deadlines_provisional", deadlines.provisional());
    }

    /** Keeps what the resolution deadlines were computed from (at the first response). */
    public void resolutionSet(String processInstanceId, SlaPolicy.ResolutionDeadlines deadlines) {
        registry.apply(processInstanceId, resolutionSet(registry.changes(), registry.ofProcess(processInstanceId), deadlines));
    }

    /** The same, written with the first response's other changes. */
    public TicketRegistry.Changes resolutionSet(TicketRegistry.Changes changes, TicketRegistry.Ticket ticket,
                                                SlaPolicy.ResolutionDeadlines deadlines) {
        SlaPolicy.ResolutionBasis basis = deadlines.basis();
        return changes.set("resolution_from", basis.from()).set("resolution_target", basis.target().toString())
                .set("resolution_clock", basis.clock().name()).set("resolution_extension", basis.extension().toString())
                .set("deadlines_provisional", deadlines.provisional() || Boolean.TRUE.equals(ticket.deadlinesProvisional()));
    }

    /** Whether a deadline of the ticket counts days of a year without official notice; null before the diagnosis. */
    public Boolean provisional(String processInstanceId) {
        return registry.findByProcessInstance(processInstanceId).map(TicketRegistry.Ticket::deadlinesProvisional).orElse(null);
    }

    /** The first-response target the ticket was promised (e.g. PT24H), once diagnosed. */
    public Optional<Duration> responseTarget(String ticketNumber) {
        return jdbc.queryForList("SELECT response_target FROM ticket WHERE ticket_number = ?", String.class, ticketNumber)
                .stream().filter(Objects::nonNull).findFirst().map(Duration::parse);
    }

    /** Open tickets with a deadline still to come on or after {@code from}: those a calendar change may move. */
    public List<String> openTicketsWithDeadlinesAfter(Instant from) {
        Timestamp at = Timestamp.from(from);
        return jdbc.queryForList("SELECT ticket_number FROM ticket WHERE closed_at IS NULL AND ("
                        + "(first_response_at IS NULL AND response_due >= ?) OR (repair_done_at IS NULL AND resolution_extended_due >= ?)"
                        + " OR EXISTS (SELECT 1 FROM ticket_sla_pause p WHERE p.ticket_number = ticket.ticket_number AND p.ends_at IS NULL))"
                        + " ORDER BY ticket_number", String.class, at, at);
    }

    /**
     * Computes the ticket's deadlines again and moves those that changed and have not passed.
     *
     * @param because why, for the SLA events ("the official notice for 2027 was entered")
     * @return the moves made
     */
    public List<Move> recompute(String ticketNumber, String because) {
        Optional<State> found = state(ticketNumber);
        if (found.isEmpty() || found.get().closed()) {
            return List.of();
        }
        State ticket = found.get();
        Instant now = clock.instant();
        List<Move> moves = new ArrayList<>();
        Instant responseDue = ticket.responseDue();
        boolean provisional = false;
        if (ticket.responseBasis() != null) {
            SlaPolicy.ResponseDeadlines response = policy.response(ticket.responseBasis(), ticket.reportedAt());
            provisional = response.provisional();
            if (ticket.firstResponseAt() == null) {
                move(ticket, Deadline.RESPONSE_WARNING, ticket.responseWarningAt(), response.warningAt(), now, moves);
                if (move(ticket, Deadline.RESPONSE, ticket.responseDue(), response.due(), now, moves)) {
                    responseDue = response.due();
                }
            }
        }
        if (ticket.resolutionBasis() != null && ticket.repairDoneAt() == null) {
            SlaPolicy.ResolutionDeadlines resolution = policy.resolution(ticket.resolutionBasis(), responseDue, pauses(ticketNumber, now));
            provisional |= resolution.provisional();
            move(ticket, Deadline.RESOLUTION, ticket.resolutionDue(), resolution.due(), now, moves);
            move(ticket, Deadline.RESOLUTION_EXTENDED, ticket.resolutionExtendedDue(), resolution.extendedDue(), now, moves);
        }
        updateTicket("UPDATE ticket SET deadlines_provisional = ? WHERE ticket_number = ?", provisional, ticketNumber);
        final boolean provisionalNow = provisional;
        asSystem(() -> {
            if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(ticket.processInstanceId()).count() > 0) {
                if (provisionalNow) {
                    engine.getRuntimeService().setVariable(ticket.processInstanceId(), SLA_DEADLINES_PROVISIONAL, true);
                } else {
                    engine.getRuntimeService().removeVariable(ticket.processInstanceId(), SLA_DEADLINES_PROVISIONAL);
                }
            }
            return null;
        });
        moveTaskDueDates(ticket.processInstanceId(), moves);
        for (Move move : moves) {
            journal.recordDeadlineMoved(ticketNumber, move.deadline().name(), move.from(), move.to(),
                    describe(move) + ": " + because);
        }
        return moves;
    }

    /** The open tasks whose due date showed a deadline that moved show the new one (each task at most once). */
    private void moveTaskDueDates(String processInstanceId, List<Move> moves) {
        if (moves.isEmpty()) {
            return;
        }
        asSystem(() -> {
            for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list()) {
                Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
                moves.stream().filter(move -> move.from().equals(due)).findFirst().ifPresent(move -> {
                    task.setDueDate(Date.from(move.to()));
                    engine.getTaskService().saveTask(task);
                });
            }
            return null;
        });
    }

    /** A deadline moved from one instant to another. */
    public record Move(Deadline deadline, Instant from, Instant to) {
    }

    /** Suspends the resolution timers that have not fired (a pause begins): they cannot fire while it lasts. */
    public void holdResolutionTimers(String processInstanceId) {
        hold(processInstanceId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a pause that begins as the repair stage starts (mail-in) runs before the engine created the stage's
            // timers: hold them again once the engine has written them, before the transaction commits
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    hold(processInstanceId);
                }
            });
        }
    }

    private void hold(String processInstanceId) {
        inCommand(context -> {
            for (String activity : List.of(TIMER_RESOLUTION_MISSED, TIMER_RESOLUTION_EXTENSION_EXCEEDED)) {
                timers(context, processInstanceId, activity).forEach(job -> job.setSuspensionState(SuspensionState.SUSPENDED.getStateCode()));
            }
            return null;
        });
    }

    /** Lets the resolution timers run again (a pause ended, or counts no longer). */
    public void releaseResolutionTimers(String processInstanceId) {
        if (asSystem(() -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
                .suspended().count() > 0)) {
            return;   // an administrator suspended the ticket: activating it activates its jobs
        }
        inCommand(context -> {
            for (String activity : List.of(TIMER_RESOLUTION_MISSED, TIMER_RESOLUTION_EXTENSION_EXCEEDED)) {
                timers(context, processInstanceId, activity).forEach(job -> job.setSuspensionState(SuspensionState.ACTIVE.getStateCode()));
            }
            return null;
        });
    }

    /**
     * The timers of a process instance at an activity, as entities of the current command: those in the database and
     * those created in this transaction and not yet written (a task's create listener runs before its scope's timers
     * are flushed). Changed through the entities, they are written once, with the command.
     */
    private static List<JobEntity> timers(CommandContext context, String processInstanceId, String activityId) {
        Map<String, JobEntity> found = new LinkedHashMap<>();
        for (JobEntity job : context.getJobManager().findJobsByProcessInstanceId(processInstanceId)) {
            if (job instanceof TimerEntity && activityId.equals(job.getActivityId())) {
                found.put(job.getId(), job);
            }
        }
        for (TimerEntity job : context.getDbEntityManager().getCachedEntitiesByType(TimerEntity.class)) {
            if (processInstanceId.equals(job.getProcessInstanceId()) && activityId.equals(job.getActivityId())) {
                found.putIfAbsent(job.getId(), job);
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Runs in the current engine command, or in a new one (with the caller's transaction) outside the engine. */
    private <T> T inCommand(Command<T> work) {
        CommandContext context = Context.getCommandContext();
        if (context != null) {
            return work.execute(context);
        }
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(work);
    }

    /**
     * Runs engine calls without the current user's authorization checks: the deadlines move on behalf of the
     * service (a technician completing a task may not change timers or due dates himself).
     */
    static <T> T asSystem(Supplier<T> work) {
        CommandContext context = Context.getCommandContext();
        if (context == null || !context.isAuthorizationCheckEnabled()) {
            return work.get();
        }
        context.disableAuthorizationCheck();
        try {
            return work.get();
        } finally {
            context.enableAuthorizationCheck();
        }
    }

    // ------------------------------------------------------------------------------------------------ internals

    private boolean move(State ticket, Deadline deadline, Instant previous, Instant computed, Instant now, List<Move> moves) {
        if (previous == null || previous.equals(computed)) {
            return false;
        }
        if (!previous.isAfter(now) && !(isResolution(deadline) && pausedBefore(ticket.number(), previous)
                && held(ticket.processInstanceId(), deadline))) {
            return false;   // a deadline that has passed never moves, unless a pause held its timer
        }
        Instant to = computed.isBefore(now) ? now : computed;
        updateTicket("UPDATE ticket SET " + column(deadline) + " = ? WHERE ticket_number = ?", Timestamp.from(to), ticket.number());
        if (deadline == Deadline.RESOLUTION_EXTENDED) {
            // the estimated time the merchant was told is the extended deadline: it moves with it
            updateTicket("UPDATE ticket SET resolution_eta = ? WHERE ticket_number = ? AND resolution_eta = ?", Timestamp.from(to),
                    ticket.number(), Timestamp.from(previous));
        }
        asSystem(() -> {
            String process = ticket.processInstanceId();
            if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(process).count() == 0) {
                return null;
            }
            engine.getRuntimeService().setVariable(process, variable(deadline), Date.from(to));
            inCommand(context -> {
                timers(context, process, timer(deadline)).forEach(job -> job.setDuedate(Date.from(to)));
                return null;
            });
            return null;
        });
        moves.add(new Move(deadline, previous, to));
        return true;
    }

    /** Whether a pause of the ticket began before this deadline (only a pause holds a timer past its date). */
    private boolean pausedBefore(String ticketNumber, Instant deadline) {
        Integer pauses = jdbc.queryForObject("SELECT COUNT(*) FROM ticket_sla_pause WHERE ticket_number = ? AND started_at < ?",
                Integer.class, ticketNumber, Timestamp.from(deadline));
        return pauses != null && pauses > 0;
    }

    /** Whether the deadline's timer is held by a pause (suspended, so it has not fired). */
    private boolean held(String processInstanceId, Deadline deadline) {
        return inCommand(context -> timers(context, processInstanceId, timer(deadline)).stream().anyMatch(JobEntity::isSuspended));
    }

    private List<SlaPolicy.Pause> pauses(String ticketNumber, Instant now) {
        return jdbc.query("SELECT started_at, ends_at, approval FROM ticket_sla_pause WHERE ticket_number = ? ORDER BY started_at",
                (row, index) -> {
                    Instant start = TicketRegistry.instant(row, "started_at");
                    Instant end = TicketRegistry.instant(row, "ends_at");
                    Instant creditedUntil = SlaPauses.Approval.REFUSED.name().equals(row.getString("approval"))
                            ? start.plus(policy.pauseApprovalAfter()) : null;
                    return new SlaPolicy.Pause(start, end == null ? (now.isAfter(start) ? now : start) : end, creditedUntil);
                }, ticketNumber);
    }

    private String describe(Move move) {
        ZoneId zone = calendar.zone();
        String what = switch (move.deadline()) {
            case RESPONSE_WARNING -> "First-response warning";
            case RESPONSE -> "First-response deadline";
            case RESOLUTION -> "Resolution deadline";
            case RESOLUTION_EXTENDED -> "Extended resolution deadline";
        };
        return what + " moved from " + SHOWN.format(move.from().atZone(zone)) + " to " + SHOWN.format(move.to().atZone(zone));
    }

    private static boolean isResolution(Deadline deadline) {
        return deadline == Deadline.RESOLUTION || deadline == Deadline.RESOLUTION_EXTENDED;
    }

    private static String column(Deadline deadline) {
        return switch (deadline) {
            case RESPONSE_WARNING -> "response_warning_at";
            case RESPONSE -> "response_due";
            case RESOLUTION -> "resolution_due";
            case RESOLUTION_EXTENDED -> "resolution_extended_due";
        };
    }

    private static String variable(Deadline deadline) {
        return switch (deadline) {
            case RESPONSE_WARNING -> RESPONSE_WARNING_AT;
            case RESPONSE -> RESPONSE_DUE;
            case RESOLUTION -> RESOLUTION_DUE;
            case RESOLUTION_EXTENDED -> RESOLUTION_EXTENDED_DUE;
        };
    }

    private static String timer(Deadline deadline) {
        return switch (deadline) {
            case RESPONSE_WARNING -> TIMER_RESPONSE_AT_RISK;
            case RESPONSE -> TIMER_RESPONSE_BREACHED;
            case RESOLUTION -> TIMER_RESOLUTION_MISSED;
            case RESOLUTION_EXTENDED -> TIMER_RESOLUTION_EXTENSION_EXCEEDED;
        };
    }

    private record State(String number, String processInstanceId, boolean closed, Instant reportedAt, Instant firstResponseAt,
                         Instant repairDoneAt, SlaPolicy.ResponseBasis responseBasis, SlaPolicy.ResolutionBasis resolutionBasis,
                         Instant responseWarningAt, Instant responseDue, Instant resolutionDue, Instant resolutionExtendedDue) {
    }

    private Optional<State> state(String ticketNumber) {
        return jdbc.query("SELECT * FROM ticket WHERE ticket_number = ?", (row, index) -> {
            String responseTarget = row.getString("response_target");
            String resolutionTarget = row.getString("resolution_target");
            SlaPolicy.ResponseBasis response = responseTarget == null ? null
                    : new SlaPolicy.ResponseBasis(Duration.parse(responseTarget), SlaClock.valueOf(row.getString("response_clock")));
            SlaPolicy.ResolutionBasis resolution = resolutionTarget == null ? null
                    : new SlaPolicy.ResolutionBasis(TicketRegistry.instant(row, "resolution_from"), Duration.parse(resolutionTarget),
                    SlaClock.valueOf(row.getString("resolution_clock")), Duration.parse(row.getString("resolution_extension")));
            return new State(row.getString("ticket_number"), row.getString("process_instance_id"),
                    row.getTimestamp("closed_at") != null, TicketRegistry.instant(row, "reported_at"),
                    TicketRegistry.instant(row, "first_response_at"), TicketRegistry.instant(row, "repair_done_at"), response,
                    resolution, TicketRegistry.instant(row, "response_warning_at"), TicketRegistry.instant(row, "response_due"),
                    TicketRegistry.instant(row, "resolution_due"), TicketRegistry.instant(row, "resolution_extended_due"));
        }, ticketNumber).stream().findFirst();
    }

    /**
     * Cockpit's copy of {@code ticket.deadlines_provisional}: the variable is there, true, while a deadline counts days of
     * a year without official notice, and absent otherwise (most tickets: no row for a false).
     */
    public static void showProvisional(VariableScope scope, boolean provisional) {
        if (provisional) {
            scope.setVariable(SLA_DEADLINES_PROVISIONAL, true);
        } else {
            scope.removeVariable(SLA_DEADLINES_PROVISIONAL);
        }
    }

    /** A write to the ticket's record; the registry forgets what this transaction read of it. */
    private void updateTicket(String sql, Object... arguments) {
        jdbc.update(sql, arguments);
        registry.changed();
    }
}
