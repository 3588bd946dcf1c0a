package org.posmaintenance.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The merchant's evaluation of a ticket: the answer to the survey, or that it closed unanswered. */
@Repository
public class Evaluations {

    /** An evaluation; {@code lowScore} and {@code recordedAt} once the evaluation step has run. */
    public record Evaluation(boolean answered, Integer score, String comment, Boolean lowScore, Instant answeredAt,
                             Instant recordedAt) {
    }

    private final JdbcTemplate jdbc;

    public Evaluations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The merchant answered the survey. */
    public void answered(String ticketNumber, int score, String comment, Instant at) {
        jdbc.update("INSERT INTO ticket_evaluation (ticket_number, answered, score, comment, answered_at) VALUES (?, TRUE, ?, ?, ?)",
                ticketNumber, score, comment, Timestamp.from(at));
    }

    /** The survey closed without an answer. */
    public void unanswered(String ticketNumber, Instant at) {
        jdbc.update("INSERT INTO ticket_evaluation (ticket_number, answered, low_score, recorded_at) VALUES (?, FALSE, FALSE, ?)",
                ticketNumber, Timestamp.from(at));
    }

    /** The evaluation step ran: whether the score is low. */
    public void recorded(String ticketNumber, boolean lowScore, Instant at) {
        jdbc.update("UPDATE ticket_evaluation SET low_score = ?, recorded_at = ? WHERE ticket_number = ?",
                lowScore, Timestamp.from(at), ticketNumber);
    }

    public Optional<Evaluation> of(String ticketNumber) {
        return jdbc.query("SELECT * FROM ticket_evaluation WHERE ticket_number = ?", (row, index) -> {
            int score = row.getInt("score");
            Integer scoreOrNull = row.wasNull() ? null : score;
            return new Evaluation(row.getBoolean("answered"), scoreOrNull, row.getString("comment"),
                    TicketRegistry.bool(row, "low_score"), TicketRegistry.instant(row, "answered_at"),
                    TicketRegistry.instant(row, "recorded_at"));
        }, ticketNumber).stream().findFirst();
    }
}
