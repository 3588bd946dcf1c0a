package org.posmaintenance.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The bill of a ticket and its lines, in the application's tables: kept as long as the ticket's record. */
@Repository
public class BillRecords {

    private final JdbcTemplate jdbc;

    public BillRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the ticket's bill, once. */
    public void save(String ticketNumber, Bill bill, boolean maintenanceIncluded, Instant billedAt) {
        jdbc.update("INSERT INTO ticket_bill (ticket_number, currency, warranty_covered, maintenance_included, total,"
                        + " price_list_version, billed_at) VALUES (?, ?, ?, ?, ?, ?, ?)", ticketNumber, bill.currency(),
                bill.warrantyCovered(), maintenanceIncluded, bill.total(), bill.priceListVersion(), Timestamp.from(billedAt));
        int number = 0;
        for (Bill.Line line : bill.lines()) {
            jdbc.update("INSERT INTO ticket_bill_line (ticket_number, line_no, kind, code, description, quantity, unit_price,"
                            + " amount, basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ticketNumber, ++number, line.kind().name(),
                    line.code(), line.description(), line.quantity(), line.unitPrice(), line.amount(), line.basis().name());
        }
    }

    /** A row of {@code ticket_bill_line}. */
    public static Bill.Line line(ResultSet row) throws SQLException {
        return new Bill.Line(Bill.Kind.valueOf(row.getString("kind")), row.getString("code"), row.getString("description"),
                row.getInt("quantity"), row.getBigDecimal("unit_price"), row.getBigDecimal("amount"),
                Bill.Basis.valueOf(row.getString("basis")));
    }

    public Optional<Bill> of(String ticketNumber) {
        List<Bill.Line> lines = jdbc.query("SELECT * FROM ticket_bill_line WHERE ticket_number = ? ORDER BY line_no",
                (row, index) -> line(row), ticketNumber);
        return jdbc.query("SELECT * FROM ticket_bill WHERE ticket_number = ?", (row, index) -> new Bill(row.getString("currency"),
                        row.getBoolean("warranty_covered"), lines, row.getBigDecimal("total"), row.getString("price_list_version")),
                ticketNumber).stream().findFirst();
    }
}
