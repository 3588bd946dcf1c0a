package org.posmaintenance.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.posmaintenance.billing.Bill;
import org.posmaintenance.diagnosis.RepairChannel;
import org.posmaintenance.repair.LoanerLendings;
import org.posmaintenance.diagnosis.Severity;
import org.posmaintenance.report.SlaReport.*;
import org.posmaintenance.report.TicketFacts.Outcome;
import org.posmaintenance.sla.ServiceHoursCalendar;


/**
 * Computes the report from the facts of the period's tickets; no engine, no database. The definitions
 * (which the README repeats):
 * <ul>
 * <li>The tickets are those reported in the period; each is measured as it stands {@code now}, from its
 * records (kept {@code pos.records.retention}, whatever the engine's history keeps).</li>
 * <li>Response: the first response ({@code firstResponseAt}) by {@code responseDue}. Resolution: the repair
 * stage done by {@code resolutionDue}, as the process's resolution timers measure it. A deadline that passed
 * while the ticket was open without the step is missed; a ticket cancelled before it is not measured.</li>
 * <li>Met % = met / (met + missed); open outcomes are not counted. Breaches = missed deadlines.</li>
 * <li>Technician: who gave the first response (completed the diagnosis task) for the response, who recorded
 * the last repair work for the resolution.</li>
 * <li>Times from the report to the first response and to the end of the repair stage, in clock hours and
 * in service hours (the service-hours calendar); mean and 90th percentile by nearest rank.</li>
 * </ul>
 */
class SlaReportCalculator {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final List<String> SEVERITIES = Arrays.stream(Severity.values()).map(Enum::name).toList();
    private static final List<String> CHANNELS = Arrays.stream(RepairChannel.values()).map(Enum::name).toList();

    private final ServiceHoursCalendar calendar;

    SlaReportCalculator(ServiceHoursCalendar calendar) {
        this.calendar = calendar;
    }

    SlaReport report(ReportPeriod period, List<TicketFacts> tickets, List<LoanerLendings.Out> loanersOut, Instant now) {
        return report(period, tickets, loanersOut, List.of(), now);
    }

    SlaReport report(ReportPeriod period, List<TicketFacts> tickets, List<LoanerLendings.Out> loanersOut,
                     List<org.posmaintenance.sla.SlaPauses.Pause> pauses, Instant now) {
        return new SlaReport(
                new Period(format(period.from(), period), format(period.to(), period), period.zone().getId(), format(now, period)),
                tickets(tickets),
                compliance(tickets, now),
                new Times(times(tickets, TicketFacts::firstResponseAt), times(tickets, TicketFacts::repairStageDoneAt)),
                pauses(pauses, now),
                survey(tickets),
                loaners(tickets, loanersOut, now, period),
                billing(tickets));
    }

    private static Tickets tickets(List<TicketFacts> reported) {
        return new Tickets(reported.size(), count(reported, TicketFacts::running), count(reported, TicketFacts::closed),
                count(reported, TicketFacts::cancelled));
    }

    // --- compliance

    private static Compliance compliance(List<TicketFacts> tickets, Instant now) {
        List<Measured> measured = tickets.stream()
                .map(ticket -> new Measured(ticket, ticket.response(now), ticket.resolution(now))).toList();
        Group overall = group(null, measured, measured, measured);
        List<Group> bySeverity = byKey(measured, m -> m.ticket().severity(), SEVERITIES);
        List<Group> byChannel = byKey(measured, m -> m.ticket().repairChannel(), CHANNELS);
        // a technician answers for the steps he worked: the response for the responder, the resolution for the repairer
        Set<String> technicians = new LinkedHashSet<>();
        measured.stream().filter(m -> m.response() != Outcome.NONE).forEach(m -> technicians.add(m.ticket().responder()));
        measured.stream().filter(m -> m.resolution() != Outcome.NONE).forEach(m -> technicians.add(m.ticket().repairer()));
        List<Group> byTechnician = technicians.stream().sorted(Comparator.nullsLast(Comparator.naturalOrder()))
                .map(technician -> {
                    List<Measured> responded = measured.stream().filter(m -> m.response() != Outcome.NONE
                            && Objects.equals(m.ticket().responder(), technician)).toList();
                    List<Measured> repaired = measured.stream().filter(m -> m.resolution() != Outcome.NONE
                            && Objects.equals(m.ticket().repairer(), technician)).toList();
                    Set<TicketFacts> worked = new LinkedHashSet<>();
                    responded.forEach(m -> worked.add(m.ticket()));
                    repaired.forEach(m -> worked.add(m.ticket()));
                    return group(technician, worked, responded, repaired);
                }).toList();
        return new Compliance(overall, bySeverity, byChannel, byTechnician);
    }

    private record Measured(TicketFacts ticket, Outcome response, Outcome resolution) {
    }

    /** Groups by a key, known keys in their order, then others alphabetically, then the tickets without one. */
    private static List<Group> byKey(List<Measured> measured, Function<Measured, String> key, List<String> order) {
        Map<String, List<Measured>> groups = new TreeMap<>(keyOrder(order));
        measured.forEach(m -> groups.computeIfAbsent(key.apply(m), k -> new ArrayList<>()).add(m));
        return groups.entrySet().stream()
                .map(entry -> group(entry.getKey(), entry.getValue(), entry.getValue(), entry.getValue())).toList();
    }

    /** Known keys in their order, then others alphabetically, then null. */
    private static Comparator<String> keyOrder(List<String> order) {
        return Comparator.nullsLast(Comparator.<String>comparingInt(k -> order.contains(k) ? order.indexOf(k) : order.size())
                .thenComparing(Comparator.naturalOrder()));
    }

    private static Group group(String key, Collection<?> tickets, List<Measured> responses, List<Measured> resolutions) {
        Outcomes response = outcomes(responses.stream().map(Measured::response).toList());
        Outcomes resolution = outcomes(resolutions.stream().map(Measured::resolution).toList());
        return new Group(key, tickets.size(), response, resolution, response.missed() + resolution.missed());
    }

    private static Outcomes outcomes(List<Outcome> outcomes) {
        int met = (int) outcomes.stream().filter(o -> o == Outcome.MET).count();
        int missed = (int) outcomes.stream().filter(o -> o == Outcome.MISSED).count();
        int open = (int) outcomes.stream().filter(o -> o == Outcome.OPEN).count();
        return new Outcomes(met, missed, open, percent(met, met + missed));
    }

    // --- pauses

    private SlaReport.Pauses pauses(List<org.posmaintenance.sla.SlaPauses.Pause> pauses, Instant now) {
        java.util.List<SlaReport.PauseKind> byKind = new java.util.ArrayList<>();
        for (org.posmaintenance.sla.SlaPauses.Kind kind : org.posmaintenance.sla.SlaPauses.Kind.values()) {
            List<org.posmaintenance.sla.SlaPauses.Pause> ofKind = pauses.stream().filter(pause -> pause.kind() == kind).toList();
            double service = 0;
            double clock = 0;
            for (org.posmaintenance.sla.SlaPauses.Pause pause : ofKind) {
                Instant end = pause.endsAt() == null || pause.endsAt().isAfter(now) ? now : pause.endsAt();
                if (end.isAfter(pause.startedAt())) {
                    service += calendar.serviceTimeBetween(pause.startedAt(), end).toSeconds() / 3600.0;
                    clock += java.time.Duration.between(pause.startedAt(), end).toSeconds() / 3600.0;
                }
            }
            byKind.add(new SlaReport.PauseKind(kind.name(), ofKind.size(), round(service), round(clock)));
        }
        int tickets = (int) pauses.stream().map(org.posmaintenance.sla.SlaPauses.Pause::ticketNumber).distinct().count();
        return new SlaReport.Pauses(tickets, pauses.size(), byKind);
    }

    private static double round(double hours) {
        return Math.round(hours * 100) / 100.0;
    }

    // --- times

    private TimeToStep times(List<TicketFacts> tickets, Function<TicketFacts, Instant> step) {
        List<TicketFacts> done = tickets.stream().filter(ticket -> step.apply(ticket) != null).toList();
        Map<String, List<TicketFacts>> bySeverity = new TreeMap<>(keyOrder(SEVERITIES));
        done.forEach(ticket -> bySeverity.computeIfAbsent(ticket.severity(), k -> new ArrayList<>()).add(ticket));
        return new TimeToStep(stats(null, done, step),
                bySeverity.entrySet().stream().map(entry -> stats(entry.getKey(), entry.getValue(), step)).toList());
    }

    private DurationStats stats(String key, List<TicketFacts> tickets, Function<TicketFacts, Instant> step) {
        List<Duration> clock = tickets.stream().map(ticket -> Duration.between(ticket.reportedAt(), step.apply(ticket))).toList();
        List<Duration> service = tickets.stream()
                .map(ticket -> calendar.serviceTimeBetween(ticket.reportedAt(), step.apply(ticket))).toList();
        return new DurationStats(key, tickets.size(), hours(clock), hours(service));
    }

    static Hours hours(List<Duration> durations) {
        if (durations.isEmpty()) {
            return new Hours(null, null);
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        BigDecimal totalSeconds = sorted.stream().map(d -> BigDecimal.valueOf(d.toMillis()).movePointLeft(3))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal meanHours = totalSeconds.divide(BigDecimal.valueOf(3600L * sorted.size()), 2, RoundingMode.HALF_UP);
        Duration p90 = sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1);
        BigDecimal p90Hours = BigDecimal.valueOf(p90.toMillis()).divide(BigDecimal.valueOf(3_600_000L), 2, RoundingMode.HALF_UP);
        return new Hours(meanHours.doubleValue(), p90Hours.doubleValue());
    }

    // --- survey, loaners

    private static Survey survey(List<TicketFacts> tickets) {
        List<Integer> scores = tickets.stream().map(TicketFacts::surveyScore).filter(Objects::nonNull).toList();
        int answered = scores.size();
        int unanswered = count(tickets, t -> t.surveyScore() == null && Boolean.FALSE.equals(t.surveyAnswered()));
        int open = count(tickets, t -> t.surveySent() && t.surveyScore() == null && t.surveyAnswered() == null && t.running());
        Map<String, Integer> distribution = new LinkedHashMap<>();
        for (int score = 1; score <= 5; score++) {
            int value = score;
            distribution.put(String.valueOf(score), (int) scores.stream().filter(s -> s == value).count());
        }
        Double average = scores.isEmpty() ? null : BigDecimal.valueOf(scores.stream().mapToInt(Integer::intValue).sum())
                .divide(BigDecimal.valueOf(answered), 2, RoundingMode.HALF_UP).doubleValue();
        return new Survey(count(tickets, TicketFacts::surveySent), answered, unanswered, open,
                percent(answered, answered + unanswered), average, distribution);
    }

    private static Loaners loaners(List<TicketFacts> tickets, List<LoanerLendings.Out> outNow, Instant now,
                                   ReportPeriod period) {
        List<LoanerOut> out = outNow.stream().map(loaner -> new LoanerOut(loaner.ticketNumber(), loaner.loanerSerial(),
                loaner.merchantName(), format(loaner.lentAt(), period),
                BigDecimal.valueOf(Duration.between(loaner.lentAt(), now).toMinutes())
                        .divide(BigDecimal.valueOf(24 * 60), 1, RoundingMode.HALF_UP).doubleValue())).toList();
        return new Loaners(count(tickets, t -> t.loanerLentAt() != null), count(tickets, t -> t.loanerReturnedAt() != null),
                count(tickets, t -> t.loanerLentAt() != null && t.loanerReturnedAt() == null), out);
    }

    // --- billing

    private static Billing billing(List<TicketFacts> tickets) {
        Set<String> currencies = new LinkedHashSet<>();
        int bills = 0;
        int covered = 0;
        BigDecimal total = BigDecimal.ZERO;
        Map<Bill.Basis, Lines> parts = emptyBases();
        Map<Bill.Basis, Lines> services = emptyBases();
        Map<String, Map<Bill.Basis, Integer>> byPart = new TreeMap<>();
        for (TicketFacts ticket : tickets) {
            Bill bill = ticket.bill();
            if (bill == null) {
                continue;
            }
            bills++;
            if (bill.warrantyCovered()) {
                covered++;
            }
            currencies.add(bill.currency());
            total = total.add(bill.total());
            for (Bill.Line line : bill.lines()) {
                BigDecimal listValue = line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
                Map<Bill.Basis, Lines> kind = line.kind() == Bill.Kind.PART ? parts : services;
                kind.merge(line.basis(), new Lines(line.quantity(), listValue, line.amount()), SlaReportCalculator::add);
                if (line.kind() == Bill.Kind.PART) {
                    byPart.computeIfAbsent(line.code(), code -> new EnumMap<>(Bill.Basis.class))
                            .merge(line.basis(), line.quantity(), Integer::sum);
                }
            }
        }
        List<PartCount> partCounts = byPart.entrySet().stream().map(entry -> new PartCount(entry.getKey(),
                entry.getValue().getOrDefault(Bill.Basis.CHARGED, 0), entry.getValue().getOrDefault(Bill.Basis.WARRANTY, 0),
                entry.getValue().getOrDefault(Bill.Basis.INCLUDED_IN_RENTAL, 0))).toList();
        return new Billing(currencies.isEmpty() ? null : String.join(",", currencies), bills, covered, money(total),
                byBasis(parts), byBasis(services), partCounts);
    }

    private static Map<Bill.Basis, Lines> emptyBases() {
        Map<Bill.Basis, Lines> bases = new EnumMap<>(Bill.Basis.class);
        for (Bill.Basis basis : Bill.Basis.values()) {
            bases.put(basis, new Lines(0, BigDecimal.ZERO, BigDecimal.ZERO));
        }
        return bases;
    }

    private static ByBasis byBasis(Map<Bill.Basis, Lines> bases) {
        return new ByBasis(rounded(bases.get(Bill.Basis.CHARGED)), rounded(bases.get(Bill.Basis.WARRANTY)),
                rounded(bases.get(Bill.Basis.INCLUDED_IN_RENTAL)));
    }

    private static Lines add(Lines a, Lines b) {
        return new Lines(a.quantity() + b.quantity(), a.listValue().add(b.listValue()), a.billed().add(b.billed()));
    }

    private static Lines rounded(Lines lines) {
        return new Lines(lines.quantity(), money(lines.listValue()), money(lines.billed()));
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    // --- helpers

    private static Double percent(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).doubleValue();
    }

    private static int count(List<TicketFacts> tickets, Predicate<TicketFacts> condition) {
        return (int) tickets.stream().filter(condition).count();
    }

    private static String format(Instant instant, ReportPeriod period) {
        return TIME.format(instant.atZone(period.zone()).toOffsetDateTime());
    }
}
