package org.posmaintenance.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The application's record of each ticket: who reported it for which terminal, whether it is open, and
 * how it ended. Closed in the transaction in which the ticket ends, however it ends.
 */
@Repository
public class TicketRegistry {

    private final JdbcTemplate jdbc;

    public TicketRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How a ticket ended. */
    public enum Outcome {
        /** The procedure completed: repaired, evaluated, closed. */
        CLOSED,
        /** Withdrawn by the merchant or cancelled by staff, in the model. */
        CANCELLED,
        /** Its process instance was deleted outside the model (Cockpit, REST) or is gone. */
        DELETED
    }

    /**
     * A registered ticket.
     *
     * @param outcome   how it ended, null while open
     * @param endReason why it was cancelled or deleted
     * @param endedBy   who cancelled or deleted it: a Camunda user, or {@code merchant}
     */
    public record Ticket(String number, String processInstanceId, String merchantId, String terminalSerial,
                         Instant reportedAt, Instant closedAt, Outcome outcome, String endReason, String endedBy) {

        public boolean open() {
            return closedAt == null;
        }
    }

    public void register(Ticket ticket) {
        jdbc.update("INSERT INTO ticket (ticket_number, process_instance_id, merchant_id, terminal_serial, reported_at)"
                        + " VALUES (?, ?, ?, ?, ?)", ticket.number(), ticket.processInstanceId(), ticket.merchantId(),
                ticket.terminalSerial(), Timestamp.from(ticket.reportedAt()));
    }

    public Optional<String> openTicketFor(String terminalSerial) {
        return jdbc.queryForList("SELECT ticket_number FROM ticket WHERE terminal_serial = ? AND closed_at IS NULL",
                String.class, terminalSerial).stream().findFirst();
    }

    public Optional<Ticket> find(String ticketNumber) {
        return jdbc.query("SELECT * FROM ticket WHERE ticket_number = ?", TicketRegistry::row, ticketNumber).stream().findFirst();
    }

    public Optional<Ticket> findByProcessInstance(String processInstanceId) {
        return jdbc.query("SELECT * FROM ticket WHERE process_instance_id = ?", TicketRegistry::row, processInstanceId)
                .stream().findFirst();
    }

    /** The ticket, locked until the transaction ends, so that two requests to end it are taken one after the other. */
    public Optional<Ticket> lock(String ticketNumber) {
        return jdbc.query("SELECT * FROM ticket WHERE ticket_number = ? FOR UPDATE", TicketRegistry::row, ticketNumber)
                .stream().findFirst();
    }

    /**
     * Records the end of the ticket of this process instance, unless it has ended already (a cancelled ticket
     * is closed when the cancellation is accepted, before its process ends). Whether it was still open.
     */
    public boolean markEnded(String processInstanceId, Instant at, Outcome outcome, String reason, String by) {
        return jdbc.update("UPDATE ticket SET closed_at = ?, outcome = ?, end_reason = ?, ended_by = ?"
                        + " WHERE process_instance_id = ? AND closed_at IS NULL",
                Timestamp.from(at), outcome.name(), clip(reason, 500), clip(by, 64), processInstanceId) > 0;
    }

    /** Tickets that are open in this table, but whose process instance no longer runs: the engine ended them. */
    public List<Ticket> openWithoutRunningInstance() {
        return jdbc.query("SELECT * FROM ticket t WHERE t.closed_at IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.ID_ = t.process_instance_id)", TicketRegistry::row);
    }

    /** Tickets closed before the outcome was recorded (releases before 0.2): the outcome is set once from the history. */
    public List<Ticket> closedWithoutOutcome() {
        return jdbc.query("SELECT * FROM ticket WHERE closed_at IS NOT NULL AND outcome IS NULL", TicketRegistry::row);
    }

    public void setOutcome(String ticketNumber, Outcome outcome) {
        jdbc.update("UPDATE ticket SET outcome = ? WHERE ticket_number = ? AND outcome IS NULL", outcome.name(), ticketNumber);
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private static Ticket row(ResultSet row, int index) throws SQLException {
        Timestamp closed = row.getTimestamp("closed_at");
        String outcome = row.getString("outcome");
        return new Ticket(row.getString("ticket_number"), row.getString("process_instance_id"), row.getString("merchant_id"),
                row.getString("terminal_serial"), row.getTimestamp("reported_at").toInstant(),
                closed == null ? null : closed.toInstant(), outcome == null ? null : Outcome.valueOf(outcome),
                row.getString("end_reason"), row.getString("ended_by"));
    }
}
