package org.posmaintenance.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out readable, unique ticket numbers {@code SR-yyyyMMdd-NNNN}, counted per day of the
 * service region. The counter lives in the application's database table and is updated in the
 * transaction that starts the ticket, so a rolled-back report gives its number back.
 */
@Component
public class TicketNumbers {

    private final JdbcTemplate jdbc;

    public TicketNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String next(LocalDate day) {
        int updated = jdbc.update(
                "UPDATE ticket_number_counter SET last_number = last_number + 1 WHERE ticket_day = ?", day);
        if (updated == 0) {
            jdbc.update("INSERT INTO ticket_number_counter (ticket_day, last_number) VALUES (?, 1)", day);
        }
        Integer number = jdbc.queryForObject(
                "SELECT last_number FROM ticket_number_counter WHERE ticket_day = ?", Integer.class, day);
        return "SR-%s-%04d".formatted(day.format(DateTimeFormatter.BASIC_ISO_DATE), number);
    }
}
