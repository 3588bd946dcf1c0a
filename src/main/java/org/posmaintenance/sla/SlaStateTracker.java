package org.posmaintenance.sla;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.ticket.TicketJournal;
import org.springframework.stereotype.Component;

/**
 * Keeps the ticket's {@code slaState} ({@link SlaState}) current: measuring starts with the diagnosis
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

    public SlaStateTracker(TicketJournal journal) {
        this.journal = journal;
    }

    /** The diagnosis stage started: the first-response clock runs. */
    public void startMeasuring(VariableScope ticket) {
        set(ticket, SlaState.ON_TRACK);
    }

    /** Records a service-level event on the ticket's journal and moves the state accordingly. */
    public void record(VariableScope ticket, TicketJournal.SlaEvent event, String message) {
        journal.recordSlaEvent(ticket, event, message);
        if (event == TicketJournal.SlaEvent.RESPONSE_AT_RISK) {
            // a warning never hides a breach recorded before it (timers that were late fire together)
            if (current(ticket) == null || current(ticket) == SlaState.ON_TRACK) {
                set(ticket, SlaState.AT_RISK);
            }
        } else {
            set(ticket, SlaState.BREACHED);
        }
    }

    /** The first response was given, on time or not. */
    public void responded(VariableScope ticket, boolean onTime) {
        set(ticket, onTime ? SlaState.ON_TRACK : SlaState.BREACHED);
    }

    /**
     * The repair stage is done (repaired, a mail-in terminal back with the merchant, billed): the moment
     * the resolution timers of the repair stage measure. MET if the first response was on time and the
     * stage ended by {@code resolutionDue}, otherwise MISSED.
     */
    public void repairStageDone(VariableScope ticket) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Date resolutionDue = (Date) ticket.getVariable(RESOLUTION_DUE);
        boolean responseMet = Boolean.TRUE.equals(ticket.getVariable(RESPONSE_SLA_MET));
        boolean resolutionMet = resolutionDue != null && !now.isAfter(resolutionDue.toInstant());
        set(ticket, responseMet && resolutionMet ? SlaState.MET : SlaState.MISSED);
    }

    private static SlaState current(VariableScope ticket) {
        Object value = ticket.getVariable(SLA_STATE);
        return value == null ? null : SlaState.valueOf(value.toString());
    }

    private static void set(VariableScope ticket, SlaState state) {
        ticket.setVariable(SLA_STATE, state.name());
    }
}
