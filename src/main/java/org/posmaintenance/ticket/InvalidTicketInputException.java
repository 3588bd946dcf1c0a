package org.posmaintenance.ticket;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A value a person or a client entered is missing or invalid. The message names the field, and
 * the engine rolls the step back, so nothing of the rejected input is kept. The REST API answers
 * it with HTTP 400, Tasklist shows it next to the form.
 */
public class InvalidTicketInputException extends BadUserRequestException {

    private final String field;

    public InvalidTicketInputException(String field, String problem) {
        super("Field '" + SafeText.of(field) + "': " + SafeText.of(problem));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
