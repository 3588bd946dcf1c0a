package org.posmaintenance.sla;

import java.time.Instant;
import java.util.List;

import org.posmaintenance.diagnosis.Severity;
import org.posmaintenance.ticket.TicketRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Open tickets of a release before 0.3 have deadlines but not what they were computed from, so a calendar change
 * or a pause could not move them. Once the application is ready, each such deadline gets its basis from today's
 * targets, only where those give exactly the deadline the ticket has (targets changed since, e.g. the first
 * response now round the clock, leave it as it is: it keeps its date, as before).
 */
@Component
class DeadlineBasisBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineBasisBackfill.class);

    private final JdbcTemplate jdbc;
    private final SlaPolicy policy;
    private final SlaDeadlines deadlines;
    private final TransactionTemplate transaction;

    DeadlineBasisBackfill(JdbcTemplate jdbc, SlaPolicy policy, SlaDeadlines deadlines, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.deadlines = deadlines;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        fill();
    }

    private record Row(String number, String processInstanceId, Instant reportedAt, String proposedSeverity, String severity,
                       Instant responseDue, Instant firstResponseAt, Instant resolutionDue, Instant resolutionExtendedDue,
                       boolean responseBasis, boolean resolutionBasis) {
    }

    /** Fills the basis where today's targets give the ticket's deadlines; how many deadlines got one. */
    int fill() {
        List<Row> rows = jdbc.query("SELECT * FROM ticket WHERE closed_at IS NULL AND ((response_due IS NOT NULL AND"
                + " response_target IS NULL) OR (resolution_due IS NOT NULL AND resolution_target IS NULL))", (row, index) -> new Row(
                row.getString("ticket_number"), row.getString("process_instance_id"), TicketRegistry.instant(row, "reported_at"),
                row.getString("proposed_severity"), row.getString("severity"), TicketRegistry.instant(row, "response_due"),
                TicketRegistry.instant(row, "first_response_at"), TicketRegistry.instant(row, "resolution_due"),
                TicketRegistry.instant(row, "resolution_extended_due"), row.getString("response_target") != null,
                row.getString("resolution_target") != null));
        int filled = 0;
        int kept = 0;
        for (Row ticket : rows) {
            try {
                int[] counts = transaction.execute(status -> fill(ticket));
                filled += counts[0];
                kept += counts[1];
            } catch (RuntimeException e) {
                LOG.warn("The deadline basis of ticket {} could not be filled; its deadlines keep their dates", ticket.number(), e);
            }
        }
        if (!rows.isEmpty()) {
            LOG.info("Deadline basis of open tickets of an older release: {} deadlines filled, {} keep their dates (targets changed)",
                    filled, kept);
        }
        return filled;
    }

    private int[] fill(Row ticket) {
        int filled = 0;
        int kept = 0;
        if (!ticket.responseBasis() && ticket.responseDue() != null && ticket.proposedSeverity() != null) {
            SlaPolicy.ResponseDeadlines response = policy.response(Severity.valueOf(ticket.proposedSeverity()), ticket.reportedAt());
            if (response.due().equals(ticket.responseDue())) {
                deadlines.responseSet(ticket.processInstanceId(), response);
                filled++;
            } else {
                kept++;
            }
        }
        if (!ticket.resolutionBasis() && ticket.resolutionDue() != null && ticket.severity() != null && ticket.firstResponseAt() != null) {
            SlaPolicy.ResolutionDeadlines resolution = policy.resolution(Severity.valueOf(ticket.severity()), ticket.reportedAt(),
                    ticket.firstResponseAt(), ticket.responseDue());
            if (resolution.due().equals(ticket.resolutionDue()) && resolution.extendedDue().equals(ticket.resolutionExtendedDue())) {
                deadlines.resolutionSet(ticket.processInstanceId(), resolution);
                filled++;
            } else {
                kept++;
            }
        }
        return new int[] {filled, kept};
    }
}
