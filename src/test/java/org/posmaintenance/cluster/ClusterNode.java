package org.posmaintenance.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.posmaintenance.testing.ApplicationProcess;

/**
 * One application node of the cluster ({@link ApplicationProcess}) against the test's PostgreSQL database, with
 * profiles {@code postgres,demo}. Its console goes to {@code target/cluster/<name>.log} (appended on a restart,
 * kept after the test). It may be killed ({@link #kill()}) and started again: same port, same log file.
 */
final class ClusterNode extends ApplicationProcess {

    private static final Path LOG_DIR = Paths.get("target", "cluster");

    /**
     * @param name       node name: log file, and the engine's {@code hostname} (in the historic job log)
     * @param properties Spring properties as {@code --name=value}, added after the defaults
     */
    ClusterNode(String name, ClusterDatabase database, List<String> properties) {
        super(name, emptyLog(name));
        addArguments("--spring.profiles.active=postgres,demo",
                "--pos.notifications.poll-interval=1s",
                // a short lock so that jobs a killed node had locked are taken up again soon (default 5 minutes)
                "--camunda.bpm.job-execution.lock-time-in-millis=20000",
                // the load of the cluster tests comes from one client: no report limit here (MerchantThrottle)
                "--pos.merchant.reports-per-client=1000000", "--pos.merchant.reports-per-merchant=1000000");
        addArguments(properties);
        setEnvironment("POS_DB_URL", database.url());
        setEnvironment("POS_DB_USER", database.user());
        setEnvironment("POS_DB_PASSWORD", database.password());
    }

    /** The engine's hostname, as the historic job log records it for each job this node ran: the node's name. */
    String hostname() {
        return name();
    }

    /** {@code target/cluster/<name>.log}, emptied: the log holds this test's starts of the node only. */
    private static Path emptyLog(String name) {
        Path log = LOG_DIR.resolve(name + ".log");
        try {
            Files.createDirectories(LOG_DIR);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return log;
    }
}
