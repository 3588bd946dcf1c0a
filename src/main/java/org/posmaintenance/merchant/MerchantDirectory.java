package org.posmaintenance.merchant;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    private static Merchant merchantRow(ResultSet row, int index) throws SQLException {
        return new Merchant(row.getString("merchant_id"), row.getString("name"), row.getString("email"),
                row.getString("phone"), row.getString("opening_hours"), row.getString("language"));
    }

    private static Terminal terminalRow(ResultSet row, int index) throws SQLException {
        return new Terminal(row.getString("serial"), row.getString("merchant_id"), row.getString("model"),
                row.getString("software_version"), row.getDate("installed_on").toLocalDate(),
                row.getDate("warranty_until").toLocalDate(), Terminal.Contract.valueOf(row.getString("contract")));
    }
}
