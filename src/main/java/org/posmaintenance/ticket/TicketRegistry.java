package org.posmaintenance.ticket;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The application's record of each ticket: who reported it for which terminal, and whether it is open. */
@Repository
public class TicketRegistry {

    private final JdbcTemplate jdbc;

    public TicketRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A registered ticket. */
    public record Ticket(String number, String processInstanceId, String merchantId, String terminalSerial,
                         Instant reportedAt, Instant closedAt) {

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
        return jdbc.query("SELECT * FROM ticket WHERE ticket_number = ?", (row, index) -> new Ticket(
                row.getString("ticket_number"), row.getString("process_instance_id"), row.getString("merchant_id"),
                row.getString("terminal_serial"), row.getTimestamp("reported_at").toInstant(),
                row.getTimestamp("closed_at") == null ? null : row.getTimestamp("closed_at").toInstant()),
                ticketNumber).stream().findFirst();
    }

    public void markClosed(String processInstanceId, Instant at) {
        jdbc.update("UPDATE ticket SET closed_at = ? WHERE process_instance_id = ? AND closed_at IS NULL",
                Timestamp.from(at), processInstanceId);
    }
}
