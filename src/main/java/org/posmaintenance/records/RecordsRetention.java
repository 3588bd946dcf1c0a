package org.posmaintenance.records;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the records of tickets that ended longer than {@code pos.records.retention} ago (10 years unless set)
 * and whose process instance no longer runs: the ticket with everything that refers to it. Every
 * {@code pos.records.cleanup-interval} (1d), in batches of {@value #BATCH}, each batch one transaction; several nodes
 * may run it at once.
 */
@Component
public class RecordsRetention {

    private static final Logger LOG = LoggerFactory.getLogger(RecordsRetention.class);
    static final int BATCH = 200;
    /** What refers to a ticket, children first. */
    private static final List<String> CHILD_TABLES = List.of("ticket_bill_line", "ticket_bill", "ticket_evaluation", "ticket_task_entry",
            "ticket_notification", "ticket_sla_event", "ticket_sla_pause", "ticket_repair_work", "loaner_lending", "ticket_token", "merchant_request",
            "notification_outbox");

    private final JdbcTemplate jdbc;
    private final RecordsProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public RecordsRetention(JdbcTemplate jdbc, RecordsProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Ten minutes after a start, then every {@code pos.records.cleanup-interval}: a node restarted daily still cleans up. */
    @Scheduled(fixedDelayString = "${pos.records.cleanup-interval:1d}", initialDelayString = "10m")
    public void periodically() {
        deleteExpired();
    }

    /** Deletes the records past their retention; how many tickets. */
    public int deleteExpired() {
        Timestamp before = Timestamp.from(clock.instant().atZone(ZoneOffset.UTC).minus(properties.retention()).toInstant());
        int deleted = 0;
        while (true) {
            Integer batch = transaction.execute(status -> {
                List<String> tickets = jdbc.queryForList("SELECT ticket_number FROM ticket t WHERE t.closed_at < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.ID_ = t.process_instance_id)"
                        + " ORDER BY t.closed_at FETCH FIRST " + BATCH + " ROWS ONLY", String.class, before);
                if (tickets.isEmpty()) {
                    return 0;
                }
                String in = " WHERE ticket_number IN (" + String.join(",", tickets.stream().map(ticket -> "?").toList()) + ")";
                Object[] numbers = tickets.toArray();
                for (String table : CHILD_TABLES) {
                    jdbc.update("DELETE FROM " + table + in, numbers);
                }
                return jdbc.update("DELETE FROM ticket" + in, numbers);
            });
            if (batch == null || batch == 0) {
                break;
            }
            deleted += batch;
        }
        if (deleted > 0) {
            LOG.info("Deleted the records of {} tickets ended before {} (pos.records.retention {})", deleted, before.toInstant(),
                    properties.retention());
        }
        return deleted;
    }
}
