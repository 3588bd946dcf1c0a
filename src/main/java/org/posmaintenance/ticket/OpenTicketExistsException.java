package org.posmaintenance.ticket;

/** The terminal already has an open ticket; a second one is refused with the existing number. */
public class OpenTicketExistsException extends InvalidTicketInputException {

    private final String openTicket;

    public OpenTicketExistsException(String field, String terminalSerial, String openTicket) {
        super(field, "terminal " + terminalSerial + " already has the open ticket " + openTicket);
        this.openTicket = openTicket;
    }

    public String openTicket() {
        return openTicket;
    }
}
