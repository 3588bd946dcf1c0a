package org.posmaintenance.cancellation;

import static org.posmaintenance.model.ModelContract.*;

import java.util.Locale;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.TicketInput;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RequestCancellation} of the process TicketCancellation: the hotline or a manager cancels a
 * ticket from Tasklist. Runs in the transaction of the start form, so that a refusal (no such ticket, closed
 * already, no reason) shows in the form and nothing is started. Who cancels is the logged-in user.
 */
@Component("requestCancellation")
public class RequestCancellationDelegate implements JavaDelegate {

    static final Pattern TICKET_NUMBER_FORMAT = Pattern.compile("SR-[0-9]{8}-[0-9]{4}");

    private final TicketCancellations cancellations;
    private final IdentityService identity;

    public RequestCancellationDelegate(TicketCancellations cancellations, IdentityService identity) {
        this.cancellations = cancellations;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketInput input = TicketInput.of(execution);
        String ticketNumber = input.requiredText(CANCEL_TICKET_NUMBER, 40).toUpperCase(Locale.ROOT);
        if (!TICKET_NUMBER_FORMAT.matcher(ticketNumber).matches()) {
            throw new InvalidTicketInputException(CANCEL_TICKET_NUMBER, "notTicketNumber", ticketNumber);
        }
        String reason = input.requiredText(CANCEL_REASON, 10, 500);
        Authentication user = identity.getCurrentAuthentication();
        if (user == null || user.getUserId() == null) {
            throw new InvalidTicketInputException(CANCEL_TICKET_NUMBER, "cancelLoggedInOnly");
        }
        try {
            cancellations.cancel(ticketNumber, user.getUserId(), reason, false);
        } catch (TicketCancellations.RefusedException refused) {
            throw new InvalidTicketInputException(CANCEL_TICKET_NUMBER, "cancel." + refused.refusal().name(), ticketNumber);
        }
        execution.setProcessBusinessKey(ticketNumber);
    }
}
