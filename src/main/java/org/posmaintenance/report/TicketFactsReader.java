package org.posmaintenance.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.posmaintenance.billing.Bill;
import org.posmaintenance.billing.BillRecords;
import org.posmaintenance.repair.LoanerLendings;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the facts of the tickets of a period from the application's tables: the ticket's record, its repair
 * work, evaluation, loaner and bill. Never the engine's history, which the history cleanup removes long before
 * the records go. One query per table, whatever the number of tickets.
 */
@Component
class TicketFactsReader {

    private static final String IN_PERIOD = " JOIN ticket t ON t.ticket_number = x.ticket_number"
            + " WHERE t.reported_at >= ? AND t.reported_at < ?";

    private final JdbcTemplate jdbc;
    private final LoanerLendings lendings;

    TicketFactsReader(JdbcTemplate jdbc, LoanerLendings lendings) {
        this.jdbc = jdbc;
        this.lendings = lendings;
    }

    /** The tickets reported in the period, oldest first. */
    List<TicketFacts> reportedIn(ReportPeriod period) {
        Object[] range = {Timestamp.from(period.from()), Timestamp.from(period.to())};
        Map<String, String> repairers = new HashMap<>();
        jdbc.query("SELECT x.ticket_number, x.done_by FROM ticket_repair_work x" + IN_PERIOD + " ORDER BY x.id",
                row -> { repairers.put(row.getString("ticket_number"), row.getString("done_by")); }, range);
        Map<String, Evaluation> evaluations = new HashMap<>();
        jdbc.query("SELECT x.ticket_number, x.answered, x.score FROM ticket_evaluation x" + IN_PERIOD, row -> {
            int score = row.getInt("score");
            Integer scoreOrNull = row.wasNull() ? null : score;
            evaluations.put(row.getString("ticket_number"), new Evaluation(row.getBoolean("answered"), scoreOrNull));
        }, range);
        Map<String, Loaner> loaners = new HashMap<>();
        jdbc.query("SELECT x.ticket_number, x.loaner_serial, x.lent_at, x.returned_at FROM loaner_lending x" + IN_PERIOD,
                row -> { loaners.put(row.getString("ticket_number"), new Loaner(row.getString("loaner_serial"),
                        TicketRegistry.instant(row, "lent_at"), TicketRegistry.instant(row, "returned_at"))); }, range);
        Map<String, List<Bill.Line>> lines = new HashMap<>();
        jdbc.query("SELECT x.* FROM ticket_bill_line x" + IN_PERIOD + " ORDER BY x.ticket_number, x.line_no",
                row -> { lines.computeIfAbsent(row.getString("ticket_number"), number -> new ArrayList<>()).add(BillRecords.line(row)); },
                range);
        Map<String, Bill> bills = new HashMap<>();
        jdbc.query("SELECT x.* FROM ticket_bill x" + IN_PERIOD, row -> {
            String number = row.getString("ticket_number");
            bills.put(number, new Bill(row.getString("currency"), row.getBoolean("warranty_covered"),
                    lines.getOrDefault(number, List.of()), row.getBigDecimal("total"), row.getString("price_list_version")));
        }, range);
        return jdbc.query("SELECT * FROM ticket WHERE reported_at >= ? AND reported_at < ? ORDER BY reported_at, ticket_number",
                (row, index) -> {
                    String number = row.getString("ticket_number");
                    Evaluation evaluation = evaluations.get(number);
                    Loaner loaner = loaners.get(number);
                    return new TicketFacts(number, TicketRegistry.instant(row, "reported_at"),
                            TicketRegistry.instant(row, "closed_at"), TicketRegistry.Outcome.CLOSED.name().equals(row.getString("outcome")),
                            row.getString("severity"), row.getString("repair_channel"),
                            TicketRegistry.instant(row, "response_due"), TicketRegistry.instant(row, "first_response_at"),
                            TicketRegistry.bool(row, "response_met"), TicketRegistry.instant(row, "resolution_due"),
                            TicketRegistry.instant(row, "repair_done_at"), row.getString("responder"), repairers.get(number),
                            TicketRegistry.instant(row, "survey_sent_at") != null,
                            evaluation == null ? null : evaluation.score(), evaluation == null ? null : evaluation.answered(),
                            loaner == null ? null : loaner.serial(), loaner == null ? null : loaner.lentAt(),
                            loaner == null ? null : loaner.returnedAt(), bills.get(number));
                }, range);
    }

    /** The loaners out now, whenever their tickets were reported; longest out first. */
    List<LoanerLendings.Out> loanersOutNow() {
        return lendings.outNow();
    }

    private record Evaluation(boolean answered, Integer score) {
    }

    private record Loaner(String serial, Instant lentAt, Instant returnedAt) {
    }
}
