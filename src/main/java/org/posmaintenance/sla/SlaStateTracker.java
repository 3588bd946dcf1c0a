package org.posmaintenance.sla;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * Keeps the ticket's service-level state ({@link SlaState}) current, in the ticket's record and, as a copy
 * for Tasklist's filters and columns, in the variable {@code slaState}: measuring starts with the diagnosis
 * stage, the SLA timers record their events through here, the first response and the end of the repair
 * stage settle it.
 *
 * <pre>
 * ON_TRACK --response warning--> AT_RISK --response deadline--> BREACHED
 * AT_RISK/ON_TRACK --responded on time--> ON_TRACK       (late: BREACHED)
 * ON_TRACK --resolution target missed--> BREACHED
 * any --repair stage done--> MET (response and resolution on time) or MISSED
 * </pre>
 */
@Component
public class SlaStateTracker {

    private final TicketJournal journal;
    private final TicketRegistry registry;
    private final Clock clock;
    private final SlaPauses pauses;

    public SlaStateTracker(TicketJournal journal, TicketRegistry registry, Clock clock, SlaPauses pauses) {
        this.pauses = pauses;
        this.journal = journal;
        this.registry = registry;
        this.clock = clock;
    }

    /** The diagnosis stage started: the first-response clock runs (written with the stage's other changes). */
    public TicketRegistry.Changes startMeasuring(TicketRegistry.Changes changes, VariableScope variables) {
        return state(changes, variables, SlaState.ON_TRACK);
    }

    /** Records a service-level event in the ticket's journal and moves the state accordingly. */
    public void record(String processInstanceId, VariableScope variables, TicketJournal.SlaEvent event, String message) {
        TicketRegistry.Ticket ticket = registry.ofProcess(processInstanceId);
        journal.recordSlaEvent(ticket.number(), event, message);
        if (event == TicketJournal.SlaEvent.RESPONSE_AT_RISK) {
            // a warning never hides a breach recorded before it (timers that were late fire together)
            if (ticket.slaState() == null || SlaState.ON_TRACK.name().equals(ticket.slaState())) {
                set(processInstanceId, variables, SlaState.AT_RISK);
            }
        } else {
            set(processInstanceId, variables, SlaState.BREACHED);
        }
    }

    /** The first response was given, on time or not (written with the response's other changes). */
    public TicketRegistry.Changes responded(TicketRegistry.Changes changes, VariableScope variables, boolean onTime) {
        return state(changes, variables, onTime ? SlaState.ON_TRACK : SlaState.BREACHED);
    }

    /**
     * The repair stage is done (repaired, a mail-in terminal back with the merchant, billed): the moment
     * the resolution timers of the repair stage measure. MET if the first response was on time and the
     * stage ended by the resolution target, otherwise MISSED.
     */
    public TicketRegistry.Changes repairStageDone(String processInstanceId, TicketRegistry.Changes changes, VariableScope variables) {
        Instant now = clock.instant();
        TicketRegistry.Ticket ticket = registry.ofProcess(processInstanceId);
        pauses.repairDone(processInstanceId);
        boolean responseMet = Boolean.TRUE.equals(ticket.responseMet());
        boolean resolutionMet = ticket.resolutionDue() != null && !now.isAfter(ticket.resolutionDue());
        return state(changes.set("repair_done_at", now), variables, responseMet && resolutionMet ? SlaState.MET : SlaState.MISSED);
    }

    private void set(String processInstanceId, VariableScope variables, SlaState state) {
        registry.apply(processInstanceId, state(registry.changes(), variables, state));
    }

    private static TicketRegistry.Changes state(TicketRegistry.Changes changes, VariableScope variables, SlaState state) {
        variables.setVariable(SLA_STATE, state.name());
        return changes.set("sla_state", state.name());
    }
}
