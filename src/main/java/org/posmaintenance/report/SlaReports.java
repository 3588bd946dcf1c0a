package org.posmaintenance.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import java.util.List;

import org.posmaintenance.sla.ServiceHoursCalendar;
import org.posmaintenance.sla.SlaPauses;
import org.springframework.stereotype.Service;

/** The managers' reports, made from the tickets' records in the application's tables when asked for. */
@Service
public class SlaReports {

    private final TicketFactsReader reader;
    private final SlaReportCalculator calculator;
    private final ServiceHoursCalendar calendar;
    private final Clock clock;
    private final SlaPauses slaPauses;

    SlaReports(TicketFactsReader reader, ServiceHoursCalendar calendar, Clock clock, SlaPauses slaPauses) {
        this.slaPauses = slaPauses;
        this.reader = reader;
        this.calendar = calendar;
        this.calculator = new SlaReportCalculator(calendar);
        this.clock = clock;
    }

    /** The period of {@code from} and {@code to} as a request gives them (see {@link ReportPeriod#of}). */
    public ReportPeriod period(String from, String to) {
        return ReportPeriod.of(from, to, zone(), now());
    }

    /** The service-level report of the tickets reported in the period, as they stand now. */
    public SlaReport serviceLevels(ReportPeriod period) {
        Instant now = now();
        List<TicketFacts> tickets = reader.reportedIn(period);
        List<SlaPauses.Pause> pauses = tickets.stream().flatMap(ticket -> slaPauses.of(ticket.ticketNumber()).stream()).toList();
        return calculator.report(period, tickets, reader.loanersOutNow(), pauses, now);
    }

    public ZoneId zone() {
        return calendar.zone();
    }

    /** Business time, to the second. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
