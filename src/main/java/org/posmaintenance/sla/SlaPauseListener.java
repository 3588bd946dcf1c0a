package org.posmaintenance.sla;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.posmaintenance.ticket.Actor;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.StaffTexts;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/** The model's hooks that start and end SLA pauses ({@link SlaPauses}) and decide on a long one. */
@Component("slaPause")
public class SlaPauseListener {

    private final SlaPauses pauses;
    private final TicketRegistry registry;
    private final ServiceHoursCalendar calendar;
    private final Clock clock;

    public SlaPauseListener(SlaPauses pauses, TicketRegistry registry, ServiceHoursCalendar calendar, Clock clock) {
        this.pauses = pauses;
        this.registry = registry;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Completion of {@code Task_RepairOnSite} with the outcome VISIT_POSTPONED: the merchant asked to postpone the
     * visit; the new appointment must be in the future, inside service hours; the resolution clock stops until then.
     * Any other outcome is the repair report's ({@code ${recordRepair}}).
     */
    public TaskListener visitPostponed() {
        return task -> {
            if (!VISIT_POSTPONED_OUTCOME.equals(task.getVariable(REPAIR_OUTCOME))) {
                task.setVariable(VISIT_POSTPONED, false);
                return;
            }
            TicketInput input = TicketInput.of(task);
            Instant until = input.requiredInstant(POSTPONED_UNTIL, calendar.zone());
            String reason = input.requiredText(POSTPONE_REASON, 5, 500);
            if (!until.isAfter(clock.instant())) {
                throw new InvalidTicketInputException(POSTPONED_UNTIL, "inFuture");
            }
            if (!calendar.isWithinServiceHours(until)) {
                throw new InvalidTicketInputException(POSTPONED_UNTIL, "outsideServiceHours", calendar.opens(), calendar.closes(),
                        new StaffTexts.Word("timeZone"));
            }
            pauses.startUntil(task.getProcessInstanceId(), SlaPauses.Kind.VISIT_POSTPONED, reason, Actor.of(task), until);
            registry.visit(task.getProcessInstanceId(), until);
            // a copy for Cockpit; the gateway after the task loops back to it
            task.setVariable(VISIT_AT, Date.from(until));
            task.setVariable(VISIT_POSTPONED, true);
        };
    }

    /** The repair report's outcome for a visit the merchant postponed ({@code repair.RepairReportListener.Outcome}). */
    static final String VISIT_POSTPONED_OUTCOME = "VISIT_POSTPONED";

    /** Creation of {@code Task_ReceiveTerminal}: the merchant is asked to send the terminal; the clock stops. */
    public TaskListener terminalAwaited() {
        return task -> pauses.start(task.getProcessInstanceId(), SlaPauses.Kind.MAIL_IN,
                "terminal " + registry.ofProcess(task.getProcessInstanceId()).currentTerminal()
                        + " on its way to the repair centre", "system");
    }

    /** Completion of {@code Task_ReceiveTerminal}: the centre has the terminal; the clock runs again. */
    public TaskListener terminalReceived() {
        return task -> pauses.end(task.getProcessInstanceId(), SlaPauses.Kind.MAIL_IN, "received by " + Actor.of(task));
    }

    /** Completion of {@code Task_ReachMerchant}: the merchant was reached; the clock runs again. */
    public TaskListener merchantReached() {
        return task -> {
            String notes = TicketInput.of(task).requiredText(MERCHANT_REACHED_NOTES, 5, 1000);
            pauses.end(task.getProcessInstanceId(), SlaPauses.Kind.MERCHANT_UNREACHABLE, notes);
            // the next appointment states its own answer (the attempts are in the pause's record)
            task.setVariable(MERCHANT_UNREACHABLE, false);
            task.removeVariable(CONTACT_ATTEMPTS);
        };
    }

    /** Completion of {@code Task_ApproveSlaPause}: a supervisor approves or refuses a long pause. */
    public TaskListener decided() {
        return task -> {
            TicketInput input = TicketInput.of(task);
            if (task.getVariable(SLA_PAUSE_APPROVED) == null) {
                throw new InvalidTicketInputException(SLA_PAUSE_APPROVED, "pauseDecisionRequired");
            }
            boolean approved = input.flag(SLA_PAUSE_APPROVED);
            String notes = approved ? input.optionalText(SLA_PAUSE_DECISION_NOTES, 500)
                    : input.requiredText(SLA_PAUSE_DECISION_NOTES, 5, 500);
            Object pauseId = task.getVariable(SLA_PAUSE_ID);
            if (!(pauseId instanceof Number id)) {
                throw new IllegalStateException("The approval task has no pause id");
            }
            pauses.decide(id.longValue(), approved, Actor.of(task), notes);
        };
    }
}
