package org.posmaintenance.ticket;

/** The terminal already has an open ticket; a second one is refused with the existing number. */
public class OpenTicketExistsException extends InvalidTicketInputException {

    private final String openTicket;

    public OpenTicketExistsException(String field, String terminalSerial, String openTicket) {
        super(field, "openTicketExists", terminalSerial, openTicket);
        this.openTicket = openTicket;
    }

    public String openTicket() {
        return openTicket;
    }
}
