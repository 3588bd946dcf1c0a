package org.posmaintenance.model;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.posmaintenance.cluster.ClusterNode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The application as a separate {@code java} process, started the way a release is started: from its own
 * copy of the build's classes (so that a test can change the models of the copy between starts, as a
 * rebuilt jar would change them), on an H2 file database that outlives the process, with the profile
 * {@code demo}, notifications to the log, the job executor on and a free port. Its console goes to the
 * given log file. Every node started is killed when the test JVM exits, whatever happened.
 */
final class ApplicationNode implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "kill-application-nodes"));
    }

    private final String name;
    private final Path classes;
    private final Path databaseDirectory;
    private final Path log;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    /**
     * @param classes           the release: a copy of {@code target/classes}, used instead of it
     * @param databaseDirectory where the H2 file database lives (the same for every start of a test)
     * @param log               the node's console, appended to
     */
    ApplicationNode(String name, Path classes, Path databaseDirectory, Path log) {
        this.name = name;
        this.classes = classes.toAbsolutePath().normalize();
        this.databaseDirectory = databaseDirectory.toAbsolutePath().normalize();
        this.log = log.toAbsolutePath().normalize();
        this.port = freePort();
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    Path log() {
        return log;
    }

    /** Starts the JVM without waiting for it. */
    ApplicationNode start() {
        if (process != null) {
            throw new IllegalStateException(name + " was started already");
        }
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8", "-cp", classpath(classes), "org.posmaintenance.PosMaintenanceApplication",
                "--spring.profiles.active=demo",
                "--spring.datasource.url=jdbc:h2:file:" + databaseDirectory.resolve("pos")
                        + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE",
                "--server.port=" + port,
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--pos.notifications.channel=log",
                "--pos.notifications.link-base-url=" + baseUrl(),
                // the job executor on (asynchronous steps run by themselves), with fast acquisition
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.wait-time-in-millis=300",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--spring.main.banner-mode=off"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("POS_") || key.startsWith("CAMUNDA_"));
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(databaseDirectory);
            Files.writeString(log, "==== " + Instant.now() + " starting " + name + " from " + classes + " on port " + port
                    + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        RUNNING.add(process);
        return this;
    }

    /** Waits until the node answers authenticated engine REST calls (engine up, models deployed, demo users there). */
    ApplicationNode awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " while starting; log " + log
                        + ":\n" + tail(80));
            }
            try {
                if (get("/engine-rest/engine", "tom").status() == 200) {
                    return this;
                }
            } catch (IOException notListeningYet) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + " not ready within " + timeout + "; log " + log + ":\n" + tail(80));
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Stops the node gracefully (SIGTERM, Spring's shutdown) and fails when it does not end in time. */
    void stop(Duration timeout) {
        if (process == null || !process.isAlive()) {
            throw new AssertionError(name + " is not running; log " + log + ":\n" + tail(80));
        }
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(name + " did not stop within " + timeout + " of SIGTERM; killed. Log " + log
                        + ":\n" + tail(80));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            RUNNING.remove(process);
        }
        appendToLog("==== " + Instant.now() + " stopped " + name + " (exit value " + process.exitValue() + ")");
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Stops the node if it still runs, gracefully if it can, without failing. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        RUNNING.remove(process);
    }

    /** The last lines of the node's log. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private void appendToLog(String line) {
        try {
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // only a marker
        }
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    /** An answer: status and JSON body (missing when the body is empty or no JSON). */
    record Response(int status, JsonNode body, String text) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + (text.length() > 800 ? text.substring(0, 800) + "..." : text);
        }
    }

    /** GET with the HTTP Basic credentials of a demo user ({@code <id>:<id>-demo}, {@code admin:admin}); null for none. */
    Response get(String path, String user) throws IOException {
        return send(request(path, user).GET().build());
    }

    /** POST of a JSON body (a Java value written as JSON), with optional header name/value pairs. */
    Response post(String path, String user, Object body, String... headers) throws IOException {
        HttpRequest.Builder builder = request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60))
                // forms are served as application/json or as octet stream, depending on the resource
                .header("Accept", "application/json, */*;q=0.5");
        if (user != null) {
            String credentials = user + ":" + ("admin".equals(user) ? "admin" : user + "-demo");
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private Response send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body;
            try {
                body = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
            } catch (JsonProcessingException notJson) {
                body = MissingNode.getInstance();
            }
            return new Response(response.statusCode(), body, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String json(Object value) {
        try {
            return value instanceof String text ? text : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ set-up

    /**
     * The application's classpath with {@code classes} in place of {@code target/classes}: the test JVM's
     * classpath without the test classes ({@link ClusterNode#childClasspath()}), so that the node reads its
     * models from the copy only.
     */
    static String classpath(Path classes) {
        Path build = Paths.get("target", "classes").toAbsolutePath().normalize();
        List<String> entries = new ArrayList<>();
        entries.add(classes.toAbsolutePath().normalize().toString());
        Stream.of(ClusterNode.childClasspath().split(File.pathSeparator))
                .filter(entry -> !Paths.get(entry).toAbsolutePath().normalize().equals(build))
                .forEach(entries::add);
        return String.join(File.pathSeparator, entries);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
