package org.posmaintenance.repair;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.posmaintenance.intake.RegisterTicketDelegate;
import org.posmaintenance.notification.MerchantNotifier;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * The terminals of a mail-in repair: the merchant's terminal at the repair centre ({@code terminalAtCentre})
 * and the loaner terminal with the merchant (its lending in the ticket's record; {@code loanerOut} routes the
 * ticket to "Loaner return" after the repair). Lent when the centre receives the merchant's terminal; the repair is done when the
 * repaired terminal is sent back; the loaner may come back with the courier or later.
 */
@Component("loaner")
public class LoanerListener {

    /** A manager's decision on a loaner still out long after the repair. */
    public enum Decision { KEEP_CHASING, WRITE_OFF }

    private final MerchantNotifier notifier;
    private final RepairProperties properties;
    private final TicketRegistry registry;
    private final LoanerLendings lendings;
    private final Clock clock;

    public LoanerListener(MerchantNotifier notifier, RepairProperties properties, TicketRegistry registry,
                          LoanerLendings lendings, Clock clock) {
        this.notifier = notifier;
        this.properties = properties;
        this.registry = registry;
        this.lendings = lendings;
        this.clock = clock;
    }

    /** {@code ${loaner.lent()}} on completion of {@code Task_ReceiveTerminal}. */
    public TaskListener lent() {
        return task -> {
            TicketInput input = TicketInput.of(task);
            input.optionalText(SHIPPING_REFERENCE, 64);
            String loaner = input.requiredMatching(LOANER_SERIAL, RegisterTicketDelegate.SERIAL, "serial");
            Instant now = clock.instant();
            lendings.lent(ticketNumber(task), loaner, now);
            // copies for the forms, and routing
            task.setVariable(LOANER_LENT_AT, Date.from(now));
            task.setVariable(LOANER_OUT, true);
            task.setVariable(TERMINAL_AT_CENTRE, true);
            notifier.notify(task.getProcessInstanceId(), TicketJournal.Notification.LOANER_LENT, Map.of("loaner", loaner));
        };
    }

    /**
     * {@code ${loaner.terminalReturned()}} on completion of {@code Task_ReturnTerminal}: the repaired terminal
     * is on its way back, which ends the repair. The loaner came back with the courier, or is collected later.
     */
    public TaskListener terminalReturned() {
        return task -> {
            TicketInput input = TicketInput.of(task);
            String shipping = input.requiredText(RETURN_SHIPPING_REFERENCE, 64);
            Instant now = clock.instant();
            task.setVariable(TERMINAL_AT_CENTRE, false);
            if (input.flag(LOANER_RETURNED)) {
                lendings.returned(ticketNumber(task), now);
                task.setVariable(LOANER_OUT, false);
            } else {
                expectLoanerBack(task, now);
            }
            // the merchant is told the terminal is on its way, and asked for the loaner if it is still out
            Map<String, String> values = new HashMap<>(Map.of("shipping", shipping));
            Map<String, String> texts = new HashMap<>();
            Optional<LoanerLendings.Lending> out = lendings.of(ticketNumber(task)).filter(LoanerLendings.Lending::out);
            if (out.isPresent()) {
                values.put("loaner", out.get().loanerSerial());
                texts.put("loanerRequest", TicketJournal.Notification.TERMINAL_RETURNED + ".loanerRequest");
            } else {
                values.put("loanerRequest", "");
            }
            notifier.notify(task.getProcessInstanceId(), TicketJournal.Notification.TERMINAL_RETURNED, values, texts, null);
        };
    }

    /** {@code ${loaner.returned()}} on completion of {@code Task_ReceiveLoaner}: the loaner is back at the centre. */
    public TaskListener returned() {
        return task -> {
            if (!TicketInput.of(task).flag(LOANER_RETURNED)) {
                throw new InvalidTicketInputException(LOANER_RETURNED,
                        "loanerNotBack", task.getVariable(LOANER_SERIAL));
            }
            lendings.returned(ticketNumber(task), clock.instant());
            task.setVariable(LOANER_OUT, false);
        };
    }

    /** {@code ${loaner.chased()}} on completion of {@code Task_ChaseLoaner}: what was agreed with the merchant. */
    public TaskListener chased() {
        return task -> TicketInput.of(task).requiredText(LOANER_CHASE_NOTES, 5, 1000);
    }

    /**
     * {@code ${loaner.decided()}} on completion of {@code Task_DecideUnreturnedLoaner}: write the loaner off, or keep
     * waiting, in which case the manager is asked again after {@code pos.repair.loaner-escalation-after}.
     */
    public TaskListener decided() {
        return task -> {
            TicketInput input = TicketInput.of(task);
            Decision decision = input.requiredEnum(LOANER_DECISION, Decision.class);
            input.requiredText(LOANER_DECISION_NOTES, 5, 1000);
            task.setVariable(LOANER_DECISION, decision.name());
            Instant now = clock.instant();
            if (decision == Decision.WRITE_OFF) {
                lendings.writtenOff(ticketNumber(task), now);
                task.setVariable(LOANER_OUT, false);
            } else {
                // a manager decides again after the escalation period, unless the loaner is back by then
                task.setVariable(LOANER_ESCALATION_AT, Date.from(now.plus(properties.loanerEscalationAfter())));
            }
        };
    }

    /**
     * {@code ${loaner.settled()}} on completion of {@code Task_SettleCancelledRepair}: after a cancellation, the
     * merchant's terminal is sent back from the centre and the loaner is back.
     */
    public TaskListener settled() {
        return task -> {
            TicketInput input = TicketInput.of(task);
            String ticketNumber = ticketNumber(task);
            if (Boolean.TRUE.equals(task.getVariable(TERMINAL_AT_CENTRE))) {
                input.requiredText(RETURN_SHIPPING_REFERENCE, 64);
                task.setVariable(TERMINAL_AT_CENTRE, false);
            } else {
                input.optionalText(RETURN_SHIPPING_REFERENCE, 64);
            }
            if (lendings.of(ticketNumber).filter(LoanerLendings.Lending::out).isPresent()) {
                if (!input.flag(LOANER_RETURNED)) {
                    throw new InvalidTicketInputException(LOANER_RETURNED,
                            "loanerNotBack", task.getVariable(LOANER_SERIAL));
                }
                lendings.returned(ticketNumber, clock.instant());
                task.setVariable(LOANER_OUT, false);
            }
            input.optionalText(SETTLEMENT_NOTES, 1000);
        };
    }

    /** The merchant keeps the loaner after the repair: when to remind, chase and escalate. */
    void expectLoanerBack(VariableScope ticket, Instant repairedAt) {
        ticket.setVariable(LOANER_OUT, true);
        ticket.setVariable(LOANER_REMINDER_CYCLE, properties.loanerReminderCycle());
        ticket.setVariable(LOANER_OVERDUE_AT, Date.from(repairedAt.plus(properties.loanerOverdueAfter())));
        ticket.setVariable(LOANER_ESCALATION_AT, Date.from(repairedAt.plus(properties.loanerEscalationAfter())));
    }

    private String ticketNumber(DelegateTask task) {
        return registry.ofProcess(task.getProcessInstanceId()).number();
    }
}
