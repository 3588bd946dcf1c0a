package org.posmaintenance.worklist;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.posmaintenance.merchant.Merchant;
import org.posmaintenance.merchant.MerchantDirectory;
import org.posmaintenance.merchant.Terminal;
import org.posmaintenance.sla.ServiceHoursCalendar;
import org.posmaintenance.ticket.StaffTexts;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * What a person working a task reads about its ticket, in words and in the reader's language: the {@code ticket}
 * object of a task's form variables ({@link TicketSummaryFilter}), e.g. {@code {{ticket.responseDue}}} in a form. Taken
 * from the ticket's record, the merchant directory and the task's variables when the form is opened, so it is never
 * stale and costs the process nothing; every value is a string, "—" when not known. Dates and times are in the
 * service calendar's zone (Beijing time), 24-hour: {@code 2026-12-03 14:05}.
 */
@Component
public class TicketSummary {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final TicketRegistry registry;
    private final MerchantDirectory directory;
    private final IdentityService identity;
    private final ZoneId zone;

    public TicketSummary(TicketRegistry registry, MerchantDirectory directory, IdentityService identity,
                       ServiceHoursCalendar calendar) {
        this.registry = registry;
        this.directory = directory;
        this.identity = identity;
        this.zone = calendar.zone();
    }

    /**
     * The facts of the ticket of a task: the ticket of its process instance, or the one its {@code ticketNumber}
     * variable names (a pause approval runs in a process of its own); none for a task without a ticket.
     */
    public Optional<Map<String, String>> of(String processInstanceId, Map<String, Object> variables, Locale locale) {
        Optional<TicketRegistry.Ticket> ticket = processInstanceId == null ? Optional.empty()
                : registry.findByProcessInstance(processInstanceId);
        if (ticket.isEmpty() && variables.get(TICKET_NUMBER) instanceof String number) {
            ticket = registry.find(number);
        }
        return ticket.map(found -> facts(found, variables, locale));
    }

    private Map<String, String> facts(TicketRegistry.Ticket ticket, Map<String, Object> variables, Locale locale) {
        Optional<Merchant> merchant = directory.merchant(ticket.merchantId());
        Optional<Terminal> terminal = directory.terminal(ticket.currentTerminal());
        TicketRegistry.Report report = ticket.report();
        Facts facts = new Facts(locale);

        facts.put("number", ticket.number());
        facts.put("merchant", merchant.map(Merchant::name).orElse(null));
        facts.put("merchantId", ticket.merchantId());
        facts.put("phone", report != null && report.contactPhone() != null ? report.contactPhone()
                : merchant.map(Merchant::phone).orElse(null));
        // the agreed visit's address once there is one, the shop's before
        facts.put("address", variables.get(VISIT_ADDRESS) instanceof String agreed && !agreed.isBlank() ? agreed
                : merchant.map(Merchant::address).orElse(null));
        facts.put("openingHours", merchant.map(Merchant::openingHours).orElse(null));

        facts.put("terminal", ticket.currentTerminal());
        facts.put("terminalModel", terminal.map(Terminal::model).orElse(null));
        facts.put("softwareVersion", terminal.map(Terminal::softwareVersion).orElse(null));
        facts.put("latestSoftwareVersion", text(variables.get(LATEST_SOFTWARE_VERSION)));
        facts.put("warranty", terminal.map(Terminal::warrantyUntil).map(until -> StaffTexts.text(locale,
                Boolean.FALSE.equals(ticket.warrantyInPeriod()) || until.isBefore(ticket.reportedAt().atZone(zone).toLocalDate())
                        ? "warranty.out" : "warranty.in", DATE.format(until))).orElse(null));
        facts.word("contract", "contract", terminal.map(t -> t.contract().name()).orElse(null));

        facts.word("fault", "faultCategory", report == null ? null : report.faultCategory());
        facts.put("faultDescription", report == null ? null : report.faultDescription());
        facts.put("paymentsBlocked", report == null ? null : StaffTexts.text(locale, report.paymentsBlocked() ? "yes" : "no"));
        facts.put("reportedAt", dateTime(ticket.reportedAt()));
        facts.word("reportChannel", "reportChannel", report == null ? null : report.channel());

        facts.word("proposedSeverity", "severity", ticket.proposedSeverity());
        facts.word("proposedChannel", "repairChannel", ticket.proposedRepairChannel());
        facts.word("severity", "severity", ticket.severity());
        facts.word("channel", "repairChannel", ticket.repairChannel());
        facts.put("responseDue", dateTime(ticket.responseDue()));
        facts.put("resolutionDue", dateTime(ticket.resolutionExtendedDue() != null ? ticket.resolutionExtendedDue()
                : ticket.resolutionDue()));
        facts.word("slaState", "slaState", ticket.slaState());
        facts.put("timeZone", StaffTexts.text(locale, "timeZone"));
        facts.put("visitAt", dateTime(ticket.visitAt()));
        facts.put("responder", ticket.responder() == null ? null : fullName(ticket.responder()));

        facts.word("partNeeded", "part", text(variables.get(PART_NEEDED)));
        facts.put("partExpectedOn", date(variables.get(PART_EXPECTED_ON)));
        facts.put("loanerLentAt", date(variables.get(LOANER_LENT_AT)));
        facts.put("loanerOverdueAt", date(variables.get(LOANER_OVERDUE_AT)));
        facts.put("slaPausedSince", variables.get(SLA_PAUSED_SINCE) instanceof Date since ? dateTime(since.toInstant()) : null);
        facts.word("repairOutcome", "repairOutcome", text(variables.get(REPAIR_OUTCOME)));
        facts.word("slaPause", "slaPause", text(variables.get(SLA_PAUSE)));
        return facts.values;
    }

    /** The facts as they are collected: every value a string, "—" when not known. */
    private static final class Facts {
        final Map<String, String> values = new LinkedHashMap<>();
        final Locale locale;

        Facts(Locale locale) {
            this.locale = locale;
        }

        void put(String name, String value) {
            values.put(name, value == null || value.isBlank() ? StaffTexts.text(locale, "none") : value);
        }

        void word(String name, String prefix, String code) {
            values.put(name, StaffTexts.word(locale, prefix, code));
        }
    }

    private String fullName(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }

    private String dateTime(Instant instant) {
        return instant == null ? null : DATE_TIME.format(instant.atZone(zone));
    }

    /** A day: a Date variable's day in the calendar's zone, or the day of ISO text ({@code 2026-12-10}). */
    private String date(Object value) {
        if (value instanceof Date date) {
            return DATE.format(date.toInstant().atZone(zone));
        }
        if (value instanceof String text && text.length() >= 10) {
            try {
                return DATE.format(LocalDate.parse(text.substring(0, 10)));
            } catch (java.time.format.DateTimeParseException e) {
                return text;
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }
}
