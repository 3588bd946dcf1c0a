package org.posmaintenance.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.posmaintenance.testing.ApplicationProcess;
import org.posmaintenance.testing.Http;
import org.posmaintenance.testing.Http.Response;

/**
 * The application as a separate process ({@link ApplicationProcess}), started the way a release is started:
 * from its own copy of the build's classes (so that a test can change the models of the copy between starts, as
 * a rebuilt jar would change them), on an H2 file database that outlives the process, with the profile
 * {@code demo}. Its console goes to the given log file.
 */
public final class ApplicationNode extends ApplicationProcess {

    private final Http http = new Http();

    /**
     * @param classes           the release: a copy of {@code target/classes}, used instead of it
     * @param databaseDirectory where the H2 file database lives (the same for every start of a test)
     * @param log               the node's console, appended to
     * @param arguments         more command-line arguments of the application ({@code --name=value})
     */
    public ApplicationNode(String name, Path classes, Path databaseDirectory, Path log, String... arguments) {
        super(name, log, classes);
        Path database = databaseDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(database);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        addJvmOptions("-XX:TieredStopAtLevel=1");
        addArguments("--spring.profiles.active=demo",
                "--spring.datasource.url=jdbc:h2:file:" + database.resolve("pos") + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE");
        addArguments(arguments);
    }

    /** GET of a path of this node as a demo user ({@link Http}); null for none; optional header name/value pairs. */
    public Response get(String path, String user, String... headers) throws IOException {
        return http.get(baseUrl() + path, user, headers);
    }

    /** POST of a JSON body (a Java value written as JSON) to a path of this node, with optional header name/value pairs. */
    public Response post(String path, String user, Object body, String... headers) throws IOException {
        return http.post(baseUrl() + path, user, body, headers);
    }
}
