package org.posmaintenance.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The managers' service-level report of the tickets reported in a period, as the JSON endpoint
 * answers it. Percentages have one decimal, hours two, amounts are decimal strings as in the bill.
 */
public record SlaReport(Period period, Tickets tickets, Compliance compliance, Times times, Pauses pauses, Survey survey,
                        Loaners loaners, Billing billing) {

    /** The period as asked for, in the service region's zone, and when the report was made. */
    public record Period(String from, String to, String zone, String generatedAt) {
    }

    /** The tickets reported in the period and how they stand now. */
    public record Tickets(int reported, int open, int closed, int cancelled) {
    }

    /** Against one deadline: met, missed, still open; met % of the decided ones (null when none is). */
    public record Outcomes(int met, int missed, int open, Double metPercent) {
    }

    /**
     * One group of tickets. {@code key} is a severity, repair channel or technician (user id); null for tickets
     * not yet classified, or for steps done by nobody assigned. {@code breaches} counts missed deadlines.
     */
    public record Group(String key, int tickets, Outcomes response, Outcomes resolution, int breaches) {
    }

    /** Service-level compliance overall and per severity, repair channel and technician. */
    public record Compliance(Group overall, List<Group> bySeverity, List<Group> byChannel, List<Group> byTechnician) {
    }

    /** Mean and 90th percentile (nearest rank) in hours; null without values. */
    public record Hours(Double mean, Double p90) {
    }

    /** Durations of one kind in round-the-clock hours and in service hours; {@code key} a severity or null for all. */
    public record DurationStats(String key, int count, Hours clockHours, Hours serviceHours) {
    }

    /** Time from the report to one step, overall and per severity. */
    public record TimeToStep(DurationStats overall, List<DurationStats> bySeverity) {
    }

    /** Time to the first response and to the end of the repair stage. */
    public record Times(TimeToStep respond, TimeToStep repair) {
    }

    /**
     * The feedback survey: sent, answered, closed unanswered, still open; the response rate of the closed
     * ones; the average score and how many gave each score 1-5.
     */
    public record Survey(int sent, int answered, int unanswered, int open, Double responseRatePercent,
                         Double averageScore, Map<String, Integer> scores) {
    }

    /** A loaner terminal out now. */
    public record LoanerOut(String ticketNumber, String loanerSerial, String merchantName, String lentAt, double daysOut) {
    }

    /** Loaners lent for the period's tickets, back, still out; and every loaner out now, whatever its ticket. */
    public record Loaners(int lent, int returned, int out, List<LoanerOut> outNow) {
    }

    /** Bill lines of one basis: how many items, their price-list value, what was billed. */
    public record Lines(int quantity,
                        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal listValue,
                        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal billed) {
    }

    /** Bill lines of one kind (parts or services) by basis. */
    public record ByBasis(Lines charged, Lines warranty, Lines includedInRental) {
    }

    /** How many of one part were charged, covered by warranty, included in the rental. */
    public record PartCount(String code, int charged, int warranty, int includedInRental) {
    }

    /** The bills of the period's tickets: parts and services billed versus covered. */
    public record Billing(String currency, int bills, int warrantyCoveredBills,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal billedTotal,
                          ByBasis parts, ByBasis services, List<PartCount> byPart) {
    }

    /**
     * Time the resolution clock stood because the tickets waited on the merchant (SLA pauses), apart from the times
     * above: per kind, the pauses, and the hours that counted (service hours on the calendar, and all hours).
     */
    public record Pauses(int tickets, int count, List<PauseKind> byKind) {
    }

    public record PauseKind(String kind, int count, double serviceHours, double clockHours) {
    }
}
