package org.posmaintenance.benchmark;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

/**
 * Seconds from launching the application (a new JVM, {@code java -cp ... PosMaintenanceApplication}, as
 * in production but from the build's classpath) until Tasklist answers: {@code GET /camunda/app/tasklist/}
 * returns 200 (after its redirect to {@code /camunda/app/tasklist/default/}, Tasklist's page). The node uses the benchmark database through the same environment a user sets
 * ({@code POS_DATA_DIR}, or profile {@code postgres} with {@code POS_DB_*}), a free port, and does not
 * send the outbox. It is stopped (SIGTERM) once measured; its log is kept in {@code target/benchmark/}.
 */
final class StartUp {

    static final String APP_CLASSPATH_PROPERTY = "pos.benchmark.app-classpath";
    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    private final BenchDatabase database;
    private final String adminPassword;
    private final Path logFolder;

    StartUp(BenchDatabase database, String adminPassword, Path logFolder) {
        this.database = database;
        this.adminPassword = adminPassword;
        this.logFolder = logFolder;
    }

    /** Seconds until Tasklist answered, or NaN when the node did not answer within the time limit. */
    double measure(String name) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", applicationClasspath(), "org.posmaintenance.PosMaintenanceApplication",
                "--server.port=" + port,
                "--camunda.bpm.admin-user.password=" + adminPassword,
                "--camunda.bpm.generic-properties.properties.hostname=benchmark-" + name,
                "--pos.notifications.sending=false",
                // as the benchmark's own node: the engine creates its schema on the new database (in production
                // scripts/db-schema.sh does, before the first start, and the profile postgres never changes it)
                "--camunda.bpm.database.schema-update=true",
                "--spring.main.banner-mode=off"));
        if (!database.profile().isEmpty()) {
            command.add("--spring.profiles.active=" + database.profile());
        }
        Path log = logFolder.resolve("startup-" + database.label().toLowerCase() + "-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("POS_") || key.startsWith("CAMUNDA_"));
        environment.putAll(database.applicationEnvironment());

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest tasklist = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Process process;
        long launched = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch the application", e);
        }
        try {
            await().atMost(TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> answers(client, tasklist) || !process.isAlive());
            double seconds = (System.nanoTime() - launched) / 1e9;
            if (!process.isAlive()) {
                System.out.printf("  ! the application exited with %d while starting; see %s%n", process.exitValue(), log);
                return Double.NaN;
            }
            return seconds;
        } catch (ConditionTimeoutException e) {
            System.out.printf("  ! Tasklist did not answer within %s; see %s%n", TIMEOUT, log);
            return Double.NaN;
        } finally {
            stop(process);
        }
    }

    private static boolean answers(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The application's runtime classpath, given by scripts/benchmark.sh (target/classes and the runtime jars). */
    private static String applicationClasspath() {
        String classpath = System.getProperty(APP_CLASSPATH_PROPERTY);
        if (classpath == null || classpath.isBlank()) {
            throw new IllegalStateException("System property " + APP_CLASSPATH_PROPERTY + " is not set: run scripts/benchmark.sh");
        }
        return classpath;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
