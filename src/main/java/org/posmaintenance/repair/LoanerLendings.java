package org.posmaintenance.repair;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The loaner terminal of a ticket: lent, back, or written off. */
@Repository
public class LoanerLendings {

    /** A lending. */
    public record Lending(String ticketNumber, String loanerSerial, Instant lentAt, Instant returnedAt, Instant writtenOffAt) {

        public boolean out() {
            return returnedAt == null && writtenOffAt == null;
        }
    }

    /** A loaner out now, with its ticket's merchant. */
    public record Out(String ticketNumber, String loanerSerial, String merchantName, Instant lentAt) {
    }

    private final JdbcTemplate jdbc;

    public LoanerLendings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void lent(String ticketNumber, String loanerSerial, Instant at) {
        jdbc.update("INSERT INTO loaner_lending (ticket_number, loaner_serial, lent_at) VALUES (?, ?, ?)",
                ticketNumber, loanerSerial, Timestamp.from(at));
    }

    public void returned(String ticketNumber, Instant at) {
        jdbc.update("UPDATE loaner_lending SET returned_at = ? WHERE ticket_number = ? AND returned_at IS NULL",
                Timestamp.from(at), ticketNumber);
    }

    public void writtenOff(String ticketNumber, Instant at) {
        jdbc.update("UPDATE loaner_lending SET written_off_at = ? WHERE ticket_number = ? AND returned_at IS NULL",
                Timestamp.from(at), ticketNumber);
    }

    public Optional<Lending> of(String ticketNumber) {
        return jdbc.query("SELECT * FROM loaner_lending WHERE ticket_number = ?", (row, index) -> new Lending(
                        row.getString("ticket_number"), row.getString("loaner_serial"), TicketRegistry.instant(row, "lent_at"),
                        TicketRegistry.instant(row, "returned_at"), TicketRegistry.instant(row, "written_off_at")), ticketNumber)
                .stream().findFirst();
    }

    /** Every loaner out now, longest out first. */
    public List<Out> outNow() {
        return jdbc.query("SELECT l.ticket_number, l.loaner_serial, l.lent_at, m.name FROM loaner_lending l"
                        + " JOIN ticket t ON t.ticket_number = l.ticket_number JOIN merchant m ON m.merchant_id = t.merchant_id"
                        + " WHERE l.returned_at IS NULL AND l.written_off_at IS NULL ORDER BY l.lent_at, l.ticket_number",
                (row, index) -> new Out(row.getString("ticket_number"), row.getString("loaner_serial"), row.getString("name"),
                        TicketRegistry.instant(row, "lent_at")));
    }
}
