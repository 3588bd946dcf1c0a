package org.posmaintenance.cluster;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * One application node: a separate {@code java} process running {@link org.posmaintenance.PosMaintenanceApplication}
 * on its own free port against the test's PostgreSQL database, with profiles {@code postgres,demo}. Its
 * console goes to {@code target/cluster/<name>.log} (appended on a restart, kept after the test).
 * Every node started is killed when the test JVM exits, whatever happened.
 */
public final class ClusterNode implements AutoCloseable {

    static final Path LOG_DIR = Paths.get("target", "cluster");
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "kill-cluster-nodes"));
    }

    private final String name;
    private final int port;
    private final ClusterDatabase database;
    private final List<String> properties;
    private final Path log;
    private Process process;
    private Instant startedAt;

    /**
     * @param name       node name: log file, and the engine's {@code hostname} (in the historic job log)
     * @param properties Spring properties as {@code --name=value}, added after the defaults
     */
    ClusterNode(String name, ClusterDatabase database, List<String> properties) {
        this.name = name;
        this.port = freePort();
        this.database = database;
        this.properties = List.copyOf(properties);
        this.log = LOG_DIR.resolve(name + ".log");
        try {
            Files.createDirectories(LOG_DIR);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    /** The engine's hostname, as the historic job log records it for each job this node ran. */
    String hostname() {
        return name;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    Path log() {
        return log;
    }

    Instant startedAt() {
        return startedAt;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the JVM (again, after a kill: same port, same log file) without waiting for it. */
    ClusterNode start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx768m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-cp", childClasspath(), "org.posmaintenance.PosMaintenanceApplication",
                "--spring.profiles.active=postgres,demo",
                "--server.port=" + port,
                "--camunda.bpm.generic-properties.properties.hostname=" + hostname(),
                "--pos.notifications.channel=log",
                "--pos.notifications.link-base-url=" + baseUrl(),
                "--pos.notifications.poll-interval=1s",
                // the job executor on, fast acquisition, and a short lock so that jobs a killed node had
                // locked are taken up again soon (default 5 minutes)
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.wait-time-in-millis=300",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--camunda.bpm.job-execution.lock-time-in-millis=20000",
                "--spring.main.banner-mode=off"));
        command.addAll(properties);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("POS_") || key.startsWith("CAMUNDA_"));
        environment.put("POS_DB_URL", database.url());
        environment.put("POS_DB_USER", database.user());
        environment.put("POS_DB_PASSWORD", database.password());
        try {
            Files.writeString(log, "==== " + Instant.now() + " starting " + name + " on port " + port + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            startedAt = Instant.now();
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start node " + name, e);
        }
        RUNNING.add(process);
        return this;
    }

    /** Waits until the node answers authenticated engine REST calls (engine up, demo users there). */
    ClusterNode awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/engine-rest/engine"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tom:tom-demo".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("Node " + name + " exited with " + process.exitValue() + " while starting; log "
                        + log.toAbsolutePath() + ":\n" + tail(60));
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Node " + name + " not ready within " + timeout + "; log "
                        + log.toAbsolutePath() + ":\n" + tail(60));
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /**
     * Kills the JVM with SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no
     * transaction finished. Returns the exit value, 128 + 9 for SIGKILL.
     */
    int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("Node " + name + " still alive 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        RUNNING.remove(process);
        appendToLog("==== " + Instant.now() + " killed " + name + " (exit value " + process.exitValue() + ")");
        return process.exitValue();
    }

    /** Stops the node gracefully (SIGTERM), forcibly if it takes too long. */
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
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private void appendToLog(String line) {
        try {
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // only a marker
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classpath;

    /**
     * The application's classpath for the child JVMs: {@code target/classes} and the test JVM's
     * classpath without the test classes. Surefire may run the tests from a manifest-only jar, whose
     * manifest {@code Class-Path} then lists the real entries; those are expanded. Public for the other
     * tests that start the application as a separate process ({@code model.ApplicationNode}).
     */
    public static synchronized String childClasspath() {
        if (classpath != null) {
            return classpath;
        }
        Path mainClasses = Paths.get("target", "classes").toAbsolutePath().normalize();
        Path testClasses = Paths.get("target", "test-classes").toAbsolutePath().normalize();
        if (!Files.isRegularFile(mainClasses.resolve("org/posmaintenance/PosMaintenanceApplication.class"))) {
            throw new IllegalStateException("No compiled application in " + mainClasses + ": run the tests through Maven");
        }
        String surefire = System.getProperty("surefire.test.class.path");
        String raw = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        Set<Path> entries = new LinkedHashSet<>();
        entries.add(mainClasses);
        List<Path> given = Stream.of(raw.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .map(entry -> Paths.get(entry).toAbsolutePath().normalize()).toList();
        // a single jar: surefire's manifest-only booter jar, whose manifest lists the real classpath
        List<Path> expanded = given.size() == 1 ? manifestClassPath(given.get(0)) : List.of();
        entries.addAll(expanded.isEmpty() ? given : expanded);
        entries.remove(testClasses);
        if (entries.stream().noneMatch(path -> path.getFileName() != null
                && path.getFileName().toString().startsWith("camunda-engine-"))) {
            throw new IllegalStateException("The test JVM's classpath holds no camunda-engine jar: " + raw);
        }
        classpath = String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
        try {
            Files.createDirectories(LOG_DIR);
            Files.writeString(LOG_DIR.resolve("classpath.txt"), classpath.replace(File.pathSeparator, "\n") + "\n");
        } catch (IOException e) {
            // for diagnosis only
        }
        return classpath;
    }

    /** The entries of a manifest-only jar's {@code Class-Path}, or none for any other entry. */
    private static List<Path> manifestClassPath(Path jar) {
        if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
            return List.of();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null || classPath.isBlank()) {
                return List.of();
            }
            List<Path> paths = new ArrayList<>();
            for (String element : classPath.trim().split("\\s+")) {
                URI uri = jar.getParent().toUri().resolve(element);
                paths.add(Paths.get(uri).toAbsolutePath().normalize());
            }
            return paths;
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
    }
}
