package org.posmaintenance.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbox of notifications to merchants. A notification is written in the transaction of the
 * process step that causes it, so it exists exactly when the step committed; sending happens later.
 * A sender claims a row before sending, so two nodes never send the same row at once.
 */
@Repository
public class NotificationOutbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public NotificationOutbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A notification waiting to be sent. */
    public record Pending(long id, String ticketNumber, String kind, String channel, String recipient,
                          String subject, String body, int attempts) {

        /** The same for every attempt, so that a receiver can drop a duplicate. */
        public String messageId() {
            return "<notification-" + id + "." + ticketNumber + "@pos-maintenance>";
        }
    }

    public void enqueue(String ticketNumber, String kind, String channel, String recipient, String subject, String body) {
        Timestamp now = now();
        jdbc.update("INSERT INTO notification_outbox (ticket_number, kind, channel, recipient, subject, body, created_at,"
                + " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ticketNumber, kind, channel, recipient, subject, body, now, now);
    }

    /** Notifications due for an attempt now, oldest first. */
    public List<Pending> due(int limit, int maxAttempts) {
        Timestamp now = now();
        return jdbc.query("SELECT * FROM notification_outbox WHERE sent_at IS NULL AND attempts < ? AND next_attempt_at <= ?"
                        + " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id FETCH FIRST " + limit + " ROWS ONLY",
                (row, index) -> new Pending(row.getLong("id"), row.getString("ticket_number"), row.getString("kind"),
                        row.getString("channel"), row.getString("recipient"), row.getString("subject"),
                        row.getString("body"), row.getInt("attempts")),
                maxAttempts, now, now);
    }

    /** Claims the row for one attempt; false when another sender has it or it was sent meanwhile. */
    public boolean claim(long id, Instant until) {
        Timestamp now = now();
        return jdbc.update("UPDATE notification_outbox SET claimed_until = ? WHERE id = ? AND sent_at IS NULL"
                + " AND (claimed_until IS NULL OR claimed_until < ?)", Timestamp.from(until), id, now) == 1;
    }

    /** Sent: the row keeps the text without the link's token (only the token's hash is kept anywhere). */
    public void markSent(long id, String redactedBody) {
        jdbc.update("UPDATE notification_outbox SET sent_at = ?, attempts = attempts + 1, claimed_until = NULL,"
                + " last_error = NULL, body = ? WHERE id = ?", now(), redactedBody, id);
    }

    public void markFailed(long id, Instant nextAttempt, String error) {
        String message = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbc.update("UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = ?, claimed_until = NULL,"
                + " last_error = ? WHERE id = ?", Timestamp.from(nextAttempt), message, id);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
