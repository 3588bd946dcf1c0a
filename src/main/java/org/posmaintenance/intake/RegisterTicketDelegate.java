package org.posmaintenance.intake;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.posmaintenance.merchant.Merchant;
import org.posmaintenance.merchant.MerchantDirectory;
import org.posmaintenance.merchant.Terminal;
import org.posmaintenance.notification.MerchantNotifier;
import org.posmaintenance.sla.ServiceHoursCalendar;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.OpenTicketExistsException;
import org.posmaintenance.ticket.UnknownMerchantTerminalException;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RegisterTicket}: checks the fault report (from the start form, the merchant API or the
 * REST start call) against the merchant and terminal records, refuses a second open ticket for a
 * terminal, and gives the ticket its number, which becomes the business key.
 */
@Component("registerTicket")
public class RegisterTicketDelegate implements JavaDelegate {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{3,32}");
    public static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9-]{6,32}");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9 -]{6,20}");

    private final TicketNumbers ticketNumbers;
    private final TicketRegistry registry;
    private final MerchantDirectory directory;
    private final ServiceHoursCalendar calendar;
    private final MerchantNotifier notifier;
    private final Clock clock;
    private final IdentityService identity;

    public RegisterTicketDelegate(TicketNumbers ticketNumbers, TicketRegistry registry, MerchantDirectory directory,
                                  ServiceHoursCalendar calendar, MerchantNotifier notifier, Clock clock,
                                  IdentityService identity) {
        this.identity = identity;
        this.ticketNumbers = ticketNumbers;
        this.registry = registry;
        this.directory = directory;
        this.calendar = calendar;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketInput input = TicketInput.of(execution);
        ReportChannel channel = input.requiredEnum(REPORT_CHANNEL, ReportChannel.class);
        String merchantId = input.requiredMatching(MERCHANT_ID, ID, "merchantId");
        String phone = input.optionalMatching(CONTACT_PHONE, PHONE, "phone");
        String serial = input.requiredMatching(TERMINAL_SERIAL, SERIAL, "serial");
        FaultCategory category = input.requiredEnum(FAULT_CATEGORY, FaultCategory.class);
        boolean paymentsBlocked = input.flag(PAYMENTS_BLOCKED);
        String description = input.requiredText(FAULT_DESCRIPTION, 10, 2000);

        Merchant merchant = directory.merchant(merchantId)
                .orElseThrow(() -> new UnknownMerchantTerminalException(MERCHANT_ID, "unknownMerchant", merchantId));
        Terminal terminal = directory.lockTerminal(serial)
                .orElseThrow(() -> new UnknownMerchantTerminalException(TERMINAL_SERIAL, "unknownTerminal", serial));
        if (!terminal.merchantId().equals(merchantId)) {
            throw new UnknownMerchantTerminalException(TERMINAL_SERIAL, "notMerchantsTerminal", serial, merchantId);
        }
        if (terminal.replacedBy() != null) {
            throw new UnknownMerchantTerminalException(TERMINAL_SERIAL, "terminalReplaced", serial, terminal.replacedBy());
        }
        registry.openTicketFor(serial).ifPresent(open -> {
            throw new OpenTicketExistsException(TERMINAL_SERIAL, serial, open);
        });

        Instant reportedAt = clock.instant();
        String ticketNumber = ticketNumbers.next(reportedAt.atZone(calendar.zone()).toLocalDate());
        registry.register(ticketNumber, execution.getProcessInstanceId(), merchantId, serial, reportedAt,
                new TicketRegistry.Report(channel.name(), category.name(), description, paymentsBlocked, phone));
        execution.setProcessBusinessKey(ticketNumber);
        // Copies for Tasklist's columns and searches (number, merchant, terminal, fault category), as checked. The rest
        // of the report is the record's only: the forms show it from there (worklist.TicketSummary), no gateway reads
        // it, and a variable removed in the transaction that set it never reaches the database.
        execution.setVariable(TICKET_NUMBER, ticketNumber);
        setIfChanged(execution, FAULT_CATEGORY, category.name());
        execution.setVariable(MERCHANT_NAME, merchant.name());
        for (String recordOnly : List.of(REPORT_CHANNEL, CONTACT_PHONE, FAULT_DESCRIPTION, PAYMENTS_BLOCKED)) {
            execution.removeVariable(recordOnly);
        }
        notifier.notify(execution.getProcessInstanceId(), TicketJournal.Notification.TICKET_RECEIVED, Map.of());
        // the agent who took the call reads the number back to the caller: a task for him, right after the start
        Authentication user = identity.getCurrentAuthentication();
        execution.setVariable(HOTLINE_AGENT, Variables.stringValue(
                channel == ReportChannel.HOTLINE && user != null ? user.getUserId() : null, true));
    }

    /** Every write of a variable costs a row version: the report's own values are left as they came. */
    private static void setIfChanged(DelegateExecution execution, String name, Object value) {
        if (!Objects.equals(execution.getVariable(name), value)) {
            execution.setVariable(name, value);
        }
    }
}
