package org.posmaintenance.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL database the cluster tests run on, from POS_TEST_DB_URL, POS_TEST_DB_USER and
 * POS_TEST_DB_PASSWORD (CI creates an empty database for them). The tests read it directly to check
 * what the nodes did: tickets, history, jobs, incidents, outbox.
 */
final class ClusterDatabase {

    private final String url;
    private final String user;
    private final String password;

    private ClusterDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Another database of the same server and user, e.g. the one a backup is restored into. */
    ClusterDatabase sibling(String url) {
        return new ClusterDatabase(url, user, password);
    }

    /** The database as libpq (psql, pg_dump, pg_restore) names it: {@code postgresql://user@host:port/db}. */
    String libpqUri() {
        return "postgresql://" + java.net.URLEncoder.encode(user, java.nio.charset.StandardCharsets.UTF_8) + "@"
                + url.substring("jdbc:postgresql://".length());
    }

    /** The database from the environment; fails with a clear message when a variable is missing. */
    static ClusterDatabase fromEnvironment() {
        List<String> missing = new ArrayList<>();
        String url = System.getenv("POS_TEST_DB_URL");
        String user = System.getenv("POS_TEST_DB_USER");
        String password = System.getenv("POS_TEST_DB_PASSWORD");
        if (url == null || url.isBlank()) {
            missing.add("POS_TEST_DB_URL");
        }
        if (user == null || user.isBlank()) {
            missing.add("POS_TEST_DB_USER");
        }
        if (password == null) {
            missing.add("POS_TEST_DB_PASSWORD");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The cluster tests need an empty PostgreSQL database: set " + missing
                    + " (e.g. POS_TEST_DB_URL=jdbc:postgresql://localhost/pos_cluster POS_TEST_DB_USER=pos"
                    + " POS_TEST_DB_PASSWORD=...), see .ci/run");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("POS_TEST_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://...), not " + url);
        }
        ClusterDatabase database = new ClusterDatabase(url, user, password);
        try (Connection connection = database.connect()) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to POS_TEST_DB_URL " + url + " as " + user + ": " + e.getMessage(), e);
        }
        return database;
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Rows as maps of lower-case column names to values. */
    List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet result = statement.executeQuery()) {
            ResultSetMetaData meta = result.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.put(meta.getColumnLabel(column).toLowerCase(), result.getObject(column));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of each row. */
    <T> List<T> column(String sql, Class<T> type, Object... parameters) {
        return rows(sql, parameters).stream().map(row -> type.cast(row.values().iterator().next())).toList();
    }

    long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).get(0).values().iterator().next()).longValue();
    }

    int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Whether the application's tables exist yet (the first node migrates them). */
    boolean hasTable(String table) {
        return count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?",
                table) > 0;
    }

    /**
     * Inserts terminals {@code <prefix>-0000 ...} for the demo merchants, software current (no upgrade
     * wait), in warranty; returns their serials. A terminal may have one open ticket only, and the demo
     * data has seven, so a load needs its own.
     */
    List<String> insertTerminals(String prefix, int count) {
        String[] merchants = {"M-100231", "M-100232", "M-100233"};
        String[] contracts = {"PURCHASE", "RENTAL", "RENTAL_WITH_MAINTENANCE"};
        List<String> serials = new ArrayList<>();
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO terminal (serial, merchant_id, model, software_version, installed_on, warranty_until, contract)"
                        + " VALUES (?, ?, 'A920', '3.4.0', DATE '2025-06-01', DATE '2030-12-31', ?)")) {
            for (int i = 0; i < count; i++) {
                String serial = "%s-%04d".formatted(prefix, i);
                insert.setString(1, serial);
                insert.setString(2, merchants[i % merchants.length]);
                insert.setString(3, contracts[i % contracts.length]);
                insert.addBatch();
                serials.add(serial);
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot insert terminals: " + e.getMessage(), e);
        }
        return serials;
    }

    /** {@code ?, ?, ?} for an IN list of this many values. */
    static String placeholders(Collection<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("empty IN list");
        }
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        int index = 1;
        for (Object parameter : parameters) {
            if (parameter instanceof Collection<?> values) {
                for (Object value : values) {
                    statement.setObject(index++, value);
                }
            } else if (parameter instanceof Instant instant) {
                statement.setTimestamp(index++, Timestamp.from(instant));
            } else {
                statement.setObject(index++, parameter);
            }
        }
        return statement;
    }
}
