package org.posmaintenance.intake;

import static org.posmaintenance.ticket.TicketVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.sla.ServiceHoursCalendar;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.upgrade.SoftwareVersion;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RegisterTicket}: checks the fault report (from the start form or the REST start call)
 * and gives the ticket its number, which becomes the business key.
 */
@Component("registerTicket")
public class RegisterTicketDelegate implements JavaDelegate {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{3,32}");
    public static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9-]{6,32}");

    static final Pattern PHONE = Pattern.compile("\\+?[0-9 -]{6,20}");
    static final Pattern OPENING_HOURS = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]");

    private final TicketNumbers ticketNumbers;
    private final ServiceHoursCalendar calendar;
    private final TicketJournal journal;

    public RegisterTicketDelegate(TicketNumbers ticketNumbers, ServiceHoursCalendar calendar, TicketJournal journal) {
        this.ticketNumbers = ticketNumbers;
        this.calendar = calendar;
        this.journal = journal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketInput input = TicketInput.of(execution);
        ReportChannel channel = input.requiredEnum(REPORT_CHANNEL, ReportChannel.class);
        input.requiredMatching(MERCHANT_ID, ID, "a merchant id (3-32 letters, digits or '-')");
        input.requiredText(MERCHANT_NAME, 100);
        input.optionalMatching(CONTACT_PHONE, PHONE, "a phone number");
        input.requiredMatching(TERMINAL_SERIAL, SERIAL, "a terminal serial (6-32 letters, digits or '-')");
        input.optionalText(TERMINAL_MODEL, 50);
        input.requiredMatching(SOFTWARE_VERSION, SoftwareVersion.FORMAT, "a software version such as 3.2.1");
        input.requiredDate(WARRANTY_UNTIL, calendar.zone());
        input.flag(MAINTENANCE_INCLUDED);
        input.optionalMatching(MERCHANT_OPENING_HOURS, OPENING_HOURS, "opening hours such as 09:00-21:00");
        FaultCategory category = input.requiredEnum(FAULT_CATEGORY, FaultCategory.class);
        input.flag(PAYMENTS_BLOCKED);
        input.requiredText(FAULT_DESCRIPTION, 10, 2000);

        Instant reportedAt = ClockUtil.getCurrentTime().toInstant();
        String ticketNumber = ticketNumbers.next(reportedAt.atZone(calendar.zone()).toLocalDate());
        execution.setProcessBusinessKey(ticketNumber);
        execution.setVariable(TICKET_NUMBER, ticketNumber);
        execution.setVariable(REPORTED_AT, Date.from(reportedAt));
        execution.setVariable(REPORT_CHANNEL, channel.name());
        execution.setVariable(FAULT_CATEGORY, category.name());
        journal.notifyMerchant(execution, TicketJournal.Notification.TICKET_RECEIVED,
                "We received your fault report; your ticket number is " + ticketNumber + ".", null);
    }
}
