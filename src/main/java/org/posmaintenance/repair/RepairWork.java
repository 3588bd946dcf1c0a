package org.posmaintenance.repair;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.posmaintenance.diagnosis.RepairChannel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The work done on a ticket's terminal, a row per step: a remote session, an on-site repair, a repair at the
 * centre, a replacement; its outcome, the parts, who did it. Billing charges the channels that were used and
 * the parts of the last repair; the report names the last repairer.
 */
@Repository
public class RepairWork {

    /** What a step of work came to. */
    public enum Outcome { REPAIRED, NOT_FIXED, PART_UNAVAILABLE, BEYOND_REPAIR, REPLACED }

    /** A step of work. */
    public record Step(RepairChannel channel, Outcome outcome, List<String> parts, Instant doneAt, String doneBy) {
    }

    private final JdbcTemplate jdbc;

    public RepairWork(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String ticketNumber, RepairChannel channel, Outcome outcome, List<String> parts, Instant at, String by) {
        jdbc.update("INSERT INTO ticket_repair_work (ticket_number, channel, outcome, parts, done_at, done_by) VALUES (?, ?, ?, ?, ?, ?)",
                ticketNumber, channel.name(), outcome.name(), parts.isEmpty() ? null : String.join(",", parts),
                Timestamp.from(at), by);
    }

    /** The ticket's steps of work, oldest first. */
    public List<Step> of(String ticketNumber) {
        return jdbc.query("SELECT * FROM ticket_repair_work WHERE ticket_number = ? ORDER BY done_at, id",
                (row, index) -> new Step(RepairChannel.valueOf(row.getString("channel")), Outcome.valueOf(row.getString("outcome")),
                        row.getString("parts") == null ? List.of() : Arrays.asList(row.getString("parts").split(",")),
                        row.getTimestamp("done_at").toInstant(), row.getString("done_by")), ticketNumber);
    }

    /** The ways the terminal was worked on. */
    public Set<RepairChannel> channelsUsed(String ticketNumber) {
        Set<RepairChannel> channels = EnumSet.noneOf(RepairChannel.class);
        of(ticketNumber).forEach(step -> channels.add(step.channel()));
        return channels;
    }

    /** The parts of the step that repaired or replaced the terminal; none when no part was replaced. */
    public List<String> partsReplaced(String ticketNumber) {
        List<Step> steps = of(ticketNumber);
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step step = steps.get(i);
            if (step.outcome() == Outcome.REPAIRED || step.outcome() == Outcome.REPLACED) {
                return step.parts();
            }
        }
        return List.of();
    }

    /** The last step with this outcome. */
    public Optional<Step> last(String ticketNumber, Outcome outcome) {
        List<Step> steps = of(ticketNumber);
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).outcome() == outcome) {
                return Optional.of(steps.get(i));
            }
        }
        return Optional.empty();
    }
}
