package org.posmaintenance.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The application as a separate {@code java} process: {@link org.posmaintenance.PosMaintenanceApplication} from
 * the build's classes (or a copy of them) and the test JVM's libraries, on its own free port, with notifications
 * to the log and the job executor on with fast acquisition. The engine's {@code hostname} is the node's name.
 * The test JVM's {@code SPRING_*}, {@code POS_*} and {@code CAMUNDA_*} environment variables are not passed on:
 * only what the node sets counts.
 * <p>
 * The console goes to the node's log file, appended to on every start behind a marker line and kept after the
 * test. Every process started is killed when the test JVM exits, whatever happened.
 * <p>
 * A test's node extends this class and adds its profiles, database and settings in its constructor
 * ({@link #addJvmOptions}, {@link #addArguments}, {@link #setEnvironment}).
 */
public abstract class ApplicationProcess implements AutoCloseable {

    private static final Path BUILD_CLASSES = Paths.get("target", "classes").toAbsolutePath().normalize();
    private static final Path TEST_CLASSES = Paths.get("target", "test-classes").toAbsolutePath().normalize();
    private static final Path CLASSPATH_FILE = Paths.get("target", "application-process-classpath.txt");
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    /** The readiness probe: short requests, so that a hanging one does not outlast the start timeout by much. */
    private static final Http PROBE = new Http(Duration.ofSeconds(5));

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "kill-application-processes"));
    }

    private static List<Path> libraries;

    private final String name;
    private final Path log;
    private final Path classes;
    private final int port = freePort();
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Process process;
    private Instant startedAt;

    /** A node running the build's classes, {@code target/classes}. */
    protected ApplicationProcess(String name, Path log) {
        this(name, log, BUILD_CLASSES);
    }

    /**
     * @param name    the node's name: in the log and the messages, and the engine's {@code hostname} (the
     *                historic job log records it for each job the node ran)
     * @param log     the node's console, appended to
     * @param classes the application's classes, used instead of {@code target/classes} (a test may change a copy
     *                between starts, as a rebuilt jar would change them)
     */
    protected ApplicationProcess(String name, Path log, Path classes) {
        this.name = name;
        this.log = log.toAbsolutePath().normalize();
        this.classes = classes.toAbsolutePath().normalize();
    }

    /** JVM options, added after the defaults (768 MB heap, serial GC, UTF-8). */
    protected final void addJvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
    }

    /** Spring properties as {@code --name=value}, added after the defaults (replacing a default of the same name). */
    protected final void addArguments(String... properties) {
        addArguments(List.of(properties));
    }

    protected final void addArguments(List<String> properties) {
        arguments.addAll(properties);
    }

    protected final void setEnvironment(String variable, String value) {
        environment.put(variable, value);
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** When the JVM was last started. */
    public Instant startedAt() {
        return startedAt;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the JVM (again, after a stop or a kill: same port, same log file) without waiting for it. */
    public ApplicationProcess start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> variables = builder.environment();
        variables.keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("POS_") || key.startsWith("CAMUNDA_"));
        variables.putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "==== " + Instant.now() + " starting " + name + " from " + classes + " on port " + port
                    + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            startedAt = Instant.now();
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start node " + name, e);
        }
        RUNNING.add(process);
        return this;
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx768m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath(classes), "org.posmaintenance.PosMaintenanceApplication"));
        // the defaults, unless the node sets the same property (Spring would join two values of one property)
        List<String> defaults = List.of("--server.port=" + port,
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--pos.notifications.channel=log",
                "--pos.notifications.link-base-url=" + baseUrl(),
                // the job executor on (asynchronous steps run by themselves), with fast acquisition
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.wait-time-in-millis=300",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--spring.main.banner-mode=off");
        Set<String> set = new LinkedHashSet<>();
        arguments.forEach(argument -> set.add(argument.split("=", 2)[0]));
        defaults.stream().filter(argument -> !set.contains(argument.split("=", 2)[0])).forEach(command::add);
        command.addAll(arguments);
        return command;
    }

    /**
     * Waits until the node answers authenticated engine REST calls as the demo user tom (engine up, models
     * deployed, demo users there); fails with the end of the log when the JVM exits or the time is up.
     */
    public ApplicationProcess awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("Node " + name + " exited with " + process.exitValue() + " while starting; log "
                        + log + ":\n" + tail(80));
            }
            try {
                if (PROBE.get(baseUrl() + "/engine-rest/engine", "tom").status() == 200) {
                    return this;
                }
            } catch (IOException notListeningYet) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Node " + name + " not ready within " + timeout + "; log " + log + ":\n" + tail(80));
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
    public void stop(Duration timeout) {
        if (!isAlive()) {
            throw new AssertionError("Node " + name + " is not running; log " + log + ":\n" + tail(80));
        }
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("Node " + name + " did not stop within " + timeout + " of SIGTERM; killed. Log "
                        + log + ":\n" + tail(80));
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

    /**
     * Kills the JVM with SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no
     * transaction finished. Returns the exit value, 128 + 9 for SIGKILL.
     */
    public int kill() {
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

    /** Stops the node if it still runs, gracefully if it can (forcibly after 30 s), without failing. */
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
    public String tail(int lines) {
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ classpath

    /** {@code classes}, then the libraries of the test JVM. */
    private static String classpath(Path classes) {
        if (!Files.isRegularFile(classes.resolve("org/posmaintenance/PosMaintenanceApplication.class"))) {
            throw new IllegalStateException("No compiled application in " + classes + ": run the tests through Maven");
        }
        List<String> entries = new ArrayList<>();
        entries.add(classes.toString());
        libraries().forEach(library -> entries.add(library.toString()));
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The test JVM's classpath without the build's classes and the test classes. Surefire may run the tests from
     * a manifest-only jar, whose manifest {@code Class-Path} then lists the real entries; those are expanded.
     * Written to {@code target/application-process-classpath.txt} for diagnosis.
     */
    private static synchronized List<Path> libraries() {
        if (libraries != null) {
            return libraries;
        }
        String surefire = System.getProperty("surefire.test.class.path");
        String raw = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        List<Path> given = Stream.of(raw.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .map(entry -> Paths.get(entry).toAbsolutePath().normalize()).toList();
        // a single jar: surefire's manifest-only booter jar, whose manifest lists the real classpath
        List<Path> expanded = given.size() == 1 ? manifestClassPath(given.get(0)) : List.of();
        Set<Path> entries = new LinkedHashSet<>(expanded.isEmpty() ? given : expanded);
        entries.remove(BUILD_CLASSES);
        entries.remove(TEST_CLASSES);
        if (entries.stream().noneMatch(path -> path.getFileName() != null
                && path.getFileName().toString().startsWith("camunda-engine-"))) {
            throw new IllegalStateException("The test JVM's classpath holds no camunda-engine jar: " + raw);
        }
        libraries = List.copyOf(entries);
        try {
            Files.createDirectories(CLASSPATH_FILE.getParent());
            Files.write(CLASSPATH_FILE, libraries.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // for diagnosis only
        }
        return libraries;
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
