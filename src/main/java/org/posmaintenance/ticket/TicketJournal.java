package org.posmaintenance.ticket;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What happened to a ticket that the merchant or a manager must be able to read later: the notifications sent
 * to the merchant and the service-level events, a row each in the application's tables, appended in the
 * transaction of the step that produces them.
 */
@Component
public class TicketJournal {

    /** Kinds of message to the merchant. */
    public enum Notification {
        TICKET_RECEIVED, LOANER_LENT, PART_ORDERED, TERMINAL_REPLACED, LOANER_RETURN_REMINDER, RESOLUTION_DELAYED, SURVEY_SENT,
        TICKET_CLOSED, TICKET_CANCELLED,
        /** The on-site appointment agreed with the merchant: when and where. */
        VISIT_AGREED,
        /** The software upgrade: the window in which the technician upgrades the terminal. */
        UPGRADE_PLANNED,
        /** The repaired terminal is on its way back from the repair centre. */
        TERMINAL_RETURNED
    }

    /** Kinds of service-level event. */
    public enum SlaEvent {
        RESPONSE_AT_RISK, RESPONSE_BREACHED, RESOLUTION_MISSED, RESOLUTION_EXTENSION_EXCEEDED,
        /** A deadline moved: the calendar changed, or a pause moved the resolution. */
        DEADLINE_MOVED,
        /** The resolution clock stopped (the ticket waits on the merchant), or ran again. */
        PAUSE_STARTED, PAUSE_ENDED,
        /** A supervisor's decision on a long pause (not shown to the merchant: it names staff and their notes). */
        PAUSE_APPROVED, PAUSE_REFUSED
    }

    /** The SLA events the merchant page shows: what moved the deadlines. */
    public static final java.util.Set<String> SHOWN_TO_MERCHANT = java.util.Set.of(
            SlaEvent.DEADLINE_MOVED.name(), SlaEvent.PAUSE_STARTED.name(), SlaEvent.PAUSE_ENDED.name());

    /** The SLA events the application records itself; a model's ${recordSlaEvent} records breaches only. */
    public static final java.util.Set<String> RECORDED_BY_APPLICATION = java.util.Set.of(
            SlaEvent.DEADLINE_MOVED.name(), SlaEvent.PAUSE_STARTED.name(), SlaEvent.PAUSE_ENDED.name(),
            SlaEvent.PAUSE_APPROVED.name(), SlaEvent.PAUSE_REFUSED.name());

    /** An entry: when, what kind, the text, and for a delay the new estimated time. */
    public record Entry(Instant at, String kind, String message, Instant eta) {
    }

    /** A service-level event; for a deadline that moved, which one, from when and to when. */
    public record SlaEntry(Instant at, String kind, String message, String deadline, Instant previousAt, Instant movedTo) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public TicketJournal(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a notification to the merchant; {@code notification.MerchantNotifier} also sends it. */
    public void notifyMerchant(String ticketNumber, Notification kind, String message, Instant eta) {
        jdbc.update("INSERT INTO ticket_notification (ticket_number, sent_at, kind, message, eta) VALUES (?, ?, ?, ?, ?)",
                ticketNumber, Timestamp.from(clock.instant()), kind.name(), TicketRegistry.clip(message, 2000),
                eta == null ? null : Timestamp.from(eta));
    }

    public void recordSlaEvent(String ticketNumber, SlaEvent kind, String message) {
        jdbc.update("INSERT INTO ticket_sla_event (ticket_number, occurred_at, kind, message) VALUES (?, ?, ?, ?)",
                ticketNumber, Timestamp.from(clock.instant()), kind.name(), TicketRegistry.clip(message, 500));
    }

    /** A deadline of the ticket moved (SLA event DEADLINE_MOVED). */
    public void recordDeadlineMoved(String ticketNumber, String deadline, Instant from, Instant to, String message) {
        jdbc.update("INSERT INTO ticket_sla_event (ticket_number, occurred_at, kind, message, deadline, previous_at, moved_to)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", ticketNumber, Timestamp.from(clock.instant()), SlaEvent.DEADLINE_MOVED.name(),
                TicketRegistry.clip(message, 500), deadline, Timestamp.from(from), Timestamp.from(to));
    }

    /** The ticket's service-level events with the deadlines they moved, oldest first. */
    public List<SlaEntry> slaEntries(String ticketNumber) {
        return jdbc.query("SELECT occurred_at, kind, message, deadline, previous_at, moved_to FROM ticket_sla_event"
                        + " WHERE ticket_number = ? ORDER BY id",
                (row, index) -> new SlaEntry(TicketRegistry.instant(row, "occurred_at"), row.getString("kind"),
                        row.getString("message"), row.getString("deadline"), TicketRegistry.instant(row, "previous_at"),
                        TicketRegistry.instant(row, "moved_to")), ticketNumber);
    }

    /** The ticket's notifications, oldest first. */
    public List<Entry> notifications(String ticketNumber) {
        return jdbc.query("SELECT sent_at, kind, message, eta FROM ticket_notification WHERE ticket_number = ? ORDER BY id",
                (row, index) -> new Entry(TicketRegistry.instant(row, "sent_at"), row.getString("kind"), row.getString("message"),
                        TicketRegistry.instant(row, "eta")), ticketNumber);
    }

    /** The ticket's service-level events, oldest first. */
    public List<Entry> slaEvents(String ticketNumber) {
        return jdbc.query("SELECT occurred_at, kind, message FROM ticket_sla_event WHERE ticket_number = ? ORDER BY id",
                (row, index) -> new Entry(TicketRegistry.instant(row, "occurred_at"), row.getString("kind"),
                        row.getString("message"), null), ticketNumber);
    }
}
