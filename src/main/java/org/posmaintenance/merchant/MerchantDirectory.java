package org.posmaintenance.merchant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The merchant and terminal records, in the application's own tables. */
@Repository
public class MerchantDirectory {

    private final JdbcTemplate jdbc;

    public MerchantDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Merchant> merchant(String merchantId) {
        return jdbc.query("SELECT * FROM merchant WHERE merchant_id = ?", MerchantDirectory::merchantRow, merchantId)
                .stream().findFirst();
    }

    public Optional<Terminal> terminal(String serial) {
        return jdbc.query("SELECT * FROM terminal WHERE serial = ?", MerchantDirectory::terminalRow, serial)
                .stream().findFirst();
    }

    /**
     * The terminal, locked until the transaction ends, so that two reports for one terminal are
     * registered one after the other.
     */
    public Optional<Terminal> lockTerminal(String serial) {
        List<Terminal> rows = jdbc.query("SELECT * FROM terminal WHERE serial = ? FOR UPDATE",
                MerchantDirectory::terminalRow, serial);
        return rows.stream().findFirst();
    }

    public void updateSoftwareVersion(String serial, String version) {
        if (jdbc.update("UPDATE terminal SET software_version = ? WHERE serial = ?", version, serial) != 1) {
            throw new IllegalStateException("No terminal " + serial);
        }
    }

    /**
     * The terminal {@code serial} is beyond repair: {@code replacement}, a new record with the same merchant,
     * model, warranty end and contract and this software version, replaces it from {@code at}.
     */
    public Terminal replace(String serial, String replacement, String softwareVersion, Instant at, ZoneId zone) {
        Terminal old = lockTerminal(serial).orElseThrow(() -> new IllegalStateException("No terminal " + serial));
        jdbc.update("INSERT INTO terminal (serial, merchant_id, model, software_version, installed_on, warranty_until, contract)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", replacement, old.merchantId(), old.model(), softwareVersion,
                java.sql.Date.valueOf(at.atZone(zone).toLocalDate()), java.sql.Date.valueOf(old.warrantyUntil()),
                old.contract().name());
        jdbc.update("UPDATE terminal SET replaced_by = ?, replaced_at = ? WHERE serial = ?", replacement, Timestamp.from(at), serial);
        return terminal(replacement).orElseThrow();
    }

    private static Merchant merchantRow(ResultSet row, int index) throws SQLException {
        return new Merchant(row.getString("merchant_id"), row.getString("name"), row.getString("email"),
                row.getString("phone"), row.getString("opening_hours"), row.getString("language"), row.getString("address"));
    }

    private static Terminal terminalRow(ResultSet row, int index) throws SQLException {
        return new Terminal(row.getString("serial"), row.getString("merchant_id"), row.getString("model"),
                row.getString("software_version"), row.getDate("installed_on").toLocalDate(),
                row.getDate("warranty_until").toLocalDate(), Terminal.Contract.valueOf(row.getString("contract")),
                row.getString("replaced_by"));
    }
}
