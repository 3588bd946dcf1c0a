package org.posmaintenance.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out readable, unique ticket numbers {@code SR-yyyyMMdd-NNNN}, counted per day of the
 * service region. The counter lives in the application's database table and is incremented in the
 * transaction that starts the ticket, so a rolled-back report gives its number back. The day's row
 * is created in a transaction of its own, so that the day's first reports arriving at once on
 * several nodes do not fail on each other's insert.
 */
@Component
public class TicketNumbers {

    private static final String COUNT = "UPDATE ticket_number_counter SET last_number = last_number + 1 WHERE ticket_day = ?";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public TicketNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public String next(LocalDate day) {
        if (jdbc.update(COUNT, day) == 0) {
            try {
                ownTransaction.executeWithoutResult(status ->
                        jdbc.update("INSERT INTO ticket_number_counter (ticket_day, last_number) VALUES (?, 0)", day));
            } catch (DuplicateKeyException createdMeanwhile) {
                // another report created the day's row first: count on from it
            }
            jdbc.update(COUNT, day);
        }
        Integer number = jdbc.queryForObject(
                "SELECT last_number FROM ticket_number_counter WHERE ticket_day = ?", Integer.class, day);
        return "SR-%s-%04d".formatted(day.format(DateTimeFormatter.BASIC_ISO_DATE), number);
    }
}
