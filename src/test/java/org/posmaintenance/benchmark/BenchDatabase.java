package org.posmaintenance.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The database of one benchmark run: the application's embedded H2 file database in a folder of its
 * own, or a PostgreSQL database that must be empty at the start.
 */
final class BenchDatabase {

    private final String label;
    private final String url;
    private final String user;
    private final String password;
    private final Path h2Folder;

    private BenchDatabase(String label, String url, String user, String password, Path h2Folder) {
        this.label = label;
        this.url = url;
        this.user = user;
        this.password = password;
        this.h2Folder = h2Folder;
    }

    /** The application's default database (an H2 file database, as {@code POS_DATA_DIR} configures it) in this folder. */
    static BenchDatabase h2(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        return new BenchDatabase("H2", "jdbc:h2:file:" + absolute + "/pos-maintenance;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256",
                "sa", "", absolute);
    }

    static BenchDatabase postgres(String url, String user, String password) {
        return new BenchDatabase("PostgreSQL", url, user, password, null);
    }

    String label() {
        return label;
    }

    boolean isPostgres() {
        return h2Folder == null;
    }

    String url() {
        return url;
    }

    /** Whether the database is a PostgreSQL server on this machine (its processes' processor time can be read). */
    boolean isLocalPostgres() {
        if (!isPostgres()) {
            return false;
        }
        String address = url.substring("jdbc:postgresql:".length());
        return !address.startsWith("//") || address.startsWith("//localhost") || address.startsWith("//127.0.0.1")
                || address.startsWith("///");
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /**
     * Makes sure the run starts on an empty database: the H2 folder is deleted; a PostgreSQL database
     * must have no tables (scripts/benchmark.sh creates a new one; a database given by URL is never
     * emptied by the benchmark).
     */
    void prepareEmpty() {
        if (!isPostgres()) {
            deleteFolder(h2Folder);
            return;
        }
        long tables = queryLong("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()");
        if (tables > 0) {
            throw new IllegalStateException("The PostgreSQL database " + url + " is not empty (" + tables + " tables). "
                    + "The benchmark needs an empty database: scripts/benchmark.sh creates one, or give an empty one.");
        }
    }

    /** The environment that makes the application use this database, as a user would start it. */
    Map<String, String> applicationEnvironment() {
        return isPostgres() ? Map.of("POS_DB_URL", url, "POS_DB_USER", user, "POS_DB_PASSWORD", password)
                : Map.of("POS_DATA_DIR", h2Folder.toString());
    }

    /** The Spring profile that selects this database ({@code postgres}), or none for the default H2. */
    String profile() {
        return isPostgres() ? "postgres" : "";
    }

    /** Bytes the database takes: {@code pg_database_size}, or the H2 folder's files. */
    long sizeInBytes() {
        if (isPostgres()) {
            return queryLong("SELECT pg_database_size(current_database())");
        }
        try (Stream<Path> files = Files.walk(h2Folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's version; for H2 the embedded engine's (read through a running application, see {@link Report}). */
    String postgresVersion() {
        return queryString("SHOW server_version");
    }

    long queryLong(String sql) {
        return Long.parseLong(queryString(sql));
    }

    String queryString(String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + folder, e);
        }
    }
}
