package org.posmaintenance.merchant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.posmaintenance.ticket.TransactionScoped;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The merchant and terminal records, in the application's own tables. What a transaction read is kept until it ends
 * (a ticket's step reads the same merchant for its work and for each notification it writes); a write through this
 * class forgets it.
 */
@Repository
public class MerchantDirectory {

    /** What the current transaction read: merchants by id, terminals by serial. */
    private static final class InTransaction {
        final Map<String, Merchant> merchants = new HashMap<>();
        final Map<String, Terminal> terminals = new HashMap<>();
    }

    private final JdbcTemplate jdbc;
    private final TransactionScoped<InTransaction> transactions;

    public MerchantDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.transactions = new TransactionScoped<>(jdbc.getDataSource(), InTransaction::new);
    }

    public Optional<Merchant> merchant(String merchantId) {
        InTransaction current = transactions.current();
        Merchant known = current == null ? null : current.merchants.get(merchantId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Merchant> merchant = jdbc.query("SELECT * FROM merchant WHERE merchant_id = ?", MerchantDirectory::merchantRow,
                merchantId).stream().findFirst();
        if (current != null) {
            merchant.ifPresent(found -> current.merchants.put(merchantId, found));
        }
        return merchant;
    }

    public Optional<Terminal> terminal(String serial) {
        InTransaction current = transactions.current();
        Terminal known = current == null ? null : current.terminals.get(serial);
        if (known != null) {
            return Optional.of(known);
        }
        return kept(current, jdbc.query("SELECT * FROM terminal WHERE serial = ?", MerchantDirectory::terminalRow, serial));
    }

    /**
     * The terminal, locked until the transaction ends, so that two reports for one terminal are
     * registered one after the other.
     */
    public Optional<Terminal> lockTerminal(String serial) {
        return kept(transactions.current(), jdbc.query("SELECT * FROM terminal WHERE serial = ? FOR UPDATE",
                MerchantDirectory::terminalRow, serial));
    }

    private static Optional<Terminal> kept(InTransaction current, List<Terminal> rows) {
        Optional<Terminal> terminal = rows.stream().findFirst();
        if (current != null) {
            terminal.ifPresent(found -> current.terminals.put(found.serial(), found));
        }
        return terminal;
    }

    /** Forgets the terminals this transaction read: before each write to their table. */
    private void terminalsChanged() {
        InTransaction current = transactions.current();
        if (current != null) {
            current.terminals.clear();
        }
    }

    public void updateSoftwareVersion(String serial, String version) {
        terminalsChanged();
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
        terminalsChanged();
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
