package org.posmaintenance.ticket;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.posmaintenance.model.ModelContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The safety net of {@link TicketEndHistory}: at start-up and then every {@code pos.tickets.reconciliation-interval}
 * it closes the record of every open ticket whose process instance no longer runs (with the outcome its
 * history tells, or DELETED when there is none), and gives tickets closed by an older release their outcome.
 */
@Component
public class TicketReconciliation {

    static final String GONE = "The ticket's process instance no longer exists";
    private static final Logger LOG = LoggerFactory.getLogger(TicketReconciliation.class);

    private final TicketRegistry registry;
    private final HistoryService history;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public TicketReconciliation(TicketRegistry registry, HistoryService history, PlatformTransactionManager transactions, Clock clock) {
        this.registry = registry;
        this.history = history;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStartUp() {
        reconcile();
    }

    @Scheduled(fixedDelayString = "${pos.tickets.reconciliation-interval:10m}", initialDelayString = "${pos.tickets.reconciliation-interval:10m}")
    public void periodically() {
        reconcile();
    }

    /** Closes open tickets without a running process instance; how many. */
    public int reconcile() {
        Integer closed = transaction.execute(status -> {
            int count = 0;
            for (TicketRegistry.Ticket ticket : registry.openWithoutRunningInstance()) {
                HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery()
                        .processInstanceId(ticket.processInstanceId()).singleResult();
                boolean known = ended != null && ended.getEndTime() != null;
                Instant at = known ? ended.getEndTime().toInstant() : clock.instant();
                TicketRegistry.Outcome outcome = known ? outcome(ended) : TicketRegistry.Outcome.DELETED;
                if (registry.markEnded(ticket.processInstanceId(), at, outcome, known ? ended.getDeleteReason() : GONE, null)) {
                    LOG.warn("Ticket {} was open, but its process instance {} no longer runs: closed as {}", ticket.number(),
                            ticket.processInstanceId(), outcome);
                    count++;
                }
            }
            for (TicketRegistry.Ticket ticket : registry.closedWithoutOutcome()) {
                HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery()
                        .processInstanceId(ticket.processInstanceId()).singleResult();
                registry.setOutcome(ticket.number(), ended == null ? TicketRegistry.Outcome.DELETED : outcome(ended));
            }
            return count;
        });
        return closed == null ? 0 : closed;
    }

    /**
     * How an ended ticket ended, from its history: closed if it passed the closing end event (even when a
     * later step, such as a manager's review, ended the instance), else as its end state says.
     */
    private TicketRegistry.Outcome outcome(HistoricProcessInstance ended) {
        boolean passedClosing = history.createHistoricActivityInstanceQuery().processInstanceId(ended.getId())
                .activityId(ModelContract.END_EVENT_TICKET_CLOSED).count() > 0;
        return passedClosing ? TicketRegistry.Outcome.CLOSED : TicketEndHistory.outcome(ended.getState(), ended.getEndActivityId());
    }
}
