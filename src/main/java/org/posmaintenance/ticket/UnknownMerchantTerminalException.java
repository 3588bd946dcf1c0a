package org.posmaintenance.ticket;

/**
 * The merchant id and terminal serial of a report do not name a terminal the service looks after for that merchant:
 * an unknown merchant, an unknown terminal, another merchant's terminal or a replaced one. Staff (Tasklist, the
 * engine REST API) read which; the merchant API answers all of them alike, so that nobody learns from it which
 * merchant ids and serials exist.
 */
public class UnknownMerchantTerminalException extends InvalidTicketInputException {

    public UnknownMerchantTerminalException(String field, String reason, Object... args) {
        super(field, reason, args);
    }
}
