package org.posmaintenance.cancellation;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.event.EventType;
import org.posmaintenance.sla.SlaPauses;
import org.posmaintenance.ticket.TicketRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Cancels a ticket: the merchant withdraws the report (merchant API) or the hotline or a manager cancels
 * it (process TicketCancellation). The ticket record closes as CANCELLED, with who and why, and the ticket
 * gets the message that starts its cancellation (tell the merchant, settle a loaner); both in the caller's
 * transaction.
 */
@Service
public class TicketCancellations {

    /** Recorded as who ended a ticket the merchant withdrew. */
    public static final String MERCHANT = "merchant";

    private static final Logger LOG = LoggerFactory.getLogger(TicketCancellations.class);

    private final TicketRegistry registry;
    private final RuntimeService runtime;
    private final Clock clock;
    private final SlaPauses pauses;

    public TicketCancellations(TicketRegistry registry, RuntimeService runtime, Clock clock, SlaPauses pauses) {
        this.registry = registry;
        this.runtime = runtime;
        this.clock = clock;
        this.pauses = pauses;
    }

    /** Why a cancellation is refused. */
    public enum Refusal { UNKNOWN, CLOSED, REPAIR_DONE, SUSPENDED }

    /** A cancellation that cannot be done. */
    public static class RefusedException extends RuntimeException {
        private final Refusal refusal;

        RefusedException(Refusal refusal, String message) {
            super(message);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /**
     * Cancels the open ticket.
     *
     * @param by                who: a Camunda user, or {@link #MERCHANT}
     * @param onlyBeforeRepair  refuse once the repair is done (the merchant's withdrawal: "the terminal works again")
     */
    public TicketRegistry.Ticket cancel(String ticketNumber, String by, String reason, boolean onlyBeforeRepair) {
        TicketRegistry.Ticket ticket = registry.lock(ticketNumber)
                .orElseThrow(() -> new RefusedException(Refusal.UNKNOWN, "there is no ticket " + ticketNumber));
        if (!ticket.open()) {
            throw new RefusedException(Refusal.CLOSED, "ticket " + ticketNumber + " is " + ticket.outcome().name().toLowerCase()
                    + " already");
        }
        if (onlyBeforeRepair && ticket.repairDoneAt() != null) {
            throw new RefusedException(Refusal.REPAIR_DONE, "the terminal of ticket " + ticketNumber
                    + " is repaired already; the ticket closes after the survey");
        }
        if (runtime.createProcessInstanceQuery().processInstanceId(ticket.processInstanceId()).suspended().count() > 0) {
            throw new RefusedException(Refusal.SUSPENDED, "ticket " + ticketNumber + " is suspended: an administrator"
                    + " activates it in Cockpit first");
        }
        Instant now = clock.instant();
        registry.markEnded(ticket.processInstanceId(), now, TicketRegistry.Outcome.CANCELLED, reason, by);
        pauses.ticketEnded(ticketNumber);
        // decided beforehand: a failed correlation would mark the caller's transaction for rollback
        boolean cancellationInModel = runtime.createEventSubscriptionQuery().processInstanceId(ticket.processInstanceId())
                .eventType(EventType.MESSAGE.name()).eventName(MSG_CANCELLATION_REQUESTED).count() > 0;
        if (cancellationInModel) {
            runtime.createMessageCorrelation(MSG_CANCELLATION_REQUESTED).processInstanceId(ticket.processInstanceId())
                    .correlateWithResult();
        } else {
            // a ticket of a version without the cancellation (before 1.2.0) ends here; its record says CANCELLED
            LOG.info("Ticket {} runs on a version without cancellation: its process instance is deleted", ticketNumber);
            runtime.deleteProcessInstance(ticket.processInstanceId(), "Cancelled: " + reason);
        }
        return registry.find(ticketNumber).orElseThrow();
    }
}
