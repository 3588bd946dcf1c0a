package org.posmaintenance.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.sla.ServiceHoursCalendar;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The managers' reports, made from Camunda's history and the application's tables when asked for. */
@Service
public class SlaReports {

    private final TicketFactsReader reader;
    private final SlaReportCalculator calculator;
    private final ServiceHoursCalendar calendar;

    SlaReports(TicketFactsReader reader, ServiceHoursCalendar calendar, ObjectMapper json) {
        this.reader = reader;
        this.calendar = calendar;
        this.calculator = new SlaReportCalculator(calendar, json);
    }

    /** The period of {@code from} and {@code to} as a request gives them (see {@link ReportPeriod#of}). */
    public ReportPeriod period(String from, String to) {
        return ReportPeriod.of(from, to, zone(), now());
    }

    /** The service-level report of the tickets reported in the period, as they stand now. */
    public SlaReport serviceLevels(ReportPeriod period) {
        Instant now = now();
        return calculator.report(period, reader.reportedIn(period), reader.loanersOutNow(), now);
    }

    public ZoneId zone() {
        return calendar.zone();
    }

    /** The engine's clock (which tests set), to the second. */
    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
    }
}
