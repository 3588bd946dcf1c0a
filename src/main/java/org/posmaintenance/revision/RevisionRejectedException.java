package org.posmaintenance.revision;

import java.util.List;

/**
 * A migration that cannot be done as asked: a field of the request is wrong ({@link #field()} names it),
 * or the running tickets cannot be moved ({@link #problems()} say which activity is at fault).
 */
public class RevisionRejectedException extends RuntimeException {

    private final String field;
    private final List<String> problems;

    private RevisionRejectedException(String field, String message, List<String> problems) {
        super(message + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
        this.field = field;
        this.problems = List.copyOf(problems);
    }

    /** The tickets cannot be moved, for these reasons. */
    public static RevisionRejectedException cannotMigrate(String message, List<String> problems) {
        return new RevisionRejectedException(null, message, problems);
    }

    /** The request's field {@code field} is wrong. */
    public static RevisionRejectedException invalid(String field, String message) {
        return new RevisionRejectedException(field, "Field '" + field + "': " + message, List.of());
    }

    /** The request field at fault, or null when the request was fine but the tickets cannot move. */
    public String field() {
        return field;
    }

    public List<String> problems() {
        return problems;
    }
}
