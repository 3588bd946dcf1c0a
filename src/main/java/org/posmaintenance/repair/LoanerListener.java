package org.posmaintenance.repair;

import static org.posmaintenance.ticket.TicketVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.intake.RegisterTicketDelegate;
import org.posmaintenance.notification.MerchantNotifier;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketJournal;
import org.springframework.stereotype.Component;

/**
 * The loaner terminal of a mail-in repair: lent when the repair centre receives the merchant's
 * terminal ({@code Task_ReceiveTerminal}), back when the repaired one is returned
 * ({@code Task_ReturnTerminal}).
 */
@Component("loaner")
public class LoanerListener {

    private final MerchantNotifier notifier;
    private final RepairProperties properties;

    public LoanerListener(MerchantNotifier notifier, RepairProperties properties) {
        this.notifier = notifier;
        this.properties = properties;
    }

    /** {@code ${loaner.lent}} on completion of {@code Task_ReceiveTerminal}. */
    public TaskListener lent() {
        return task -> {
            TicketInput input = TicketInput.of(task);
            input.optionalText(SHIPPING_REFERENCE, 64);
            String loaner = input.requiredMatching(LOANER_SERIAL, RegisterTicketDelegate.SERIAL, "a terminal serial");
            task.setVariable(LOANER_LENT_AT, ClockUtil.getCurrentTime());
            task.setVariable(LOANER_REMINDER_CYCLE, properties.loanerReminderCycle());
            notifier.notify(task, TicketJournal.Notification.LOANER_LENT, Map.of("loaner", loaner), null, null);
        };
    }

    /** {@code ${loaner.returned}} on completion of {@code Task_ReturnTerminal}. */
    public TaskListener returned() {
        return task -> {
            TicketInput input = TicketInput.of(task);
            input.requiredText(RETURN_SHIPPING_REFERENCE, 64);
            if (!input.flag(LOANER_RETURNED)) {
                throw new InvalidTicketInputException(LOANER_RETURNED,
                        "the loaner terminal " + task.getVariable(LOANER_SERIAL) + " must be back before the ticket goes on");
            }
            task.setVariable(LOANER_RETURNED_AT, ClockUtil.getCurrentTime());
        };
    }
}
