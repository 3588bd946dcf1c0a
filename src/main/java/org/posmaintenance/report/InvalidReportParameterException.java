package org.posmaintenance.report;

import org.posmaintenance.ticket.SafeText;

/** A query parameter of a report is missing or invalid; the message names it. Answered with HTTP 400. */
public class InvalidReportParameterException extends RuntimeException {

    private final String field;

    public InvalidReportParameterException(String field, String problem) {
        super("Field '" + SafeText.of(field) + "': " + SafeText.of(problem));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
