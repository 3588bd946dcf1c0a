package org.posmaintenance.report;

/** A query parameter of a report is missing or invalid; the message names it. Answered with HTTP 400. */
public class InvalidReportParameterException extends RuntimeException {

    private final String field;

    public InvalidReportParameterException(String field, String problem) {
        super("Field '" + field + "': " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
