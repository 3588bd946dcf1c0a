package org.posmaintenance.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.posmaintenance.identity.TasklistFilters;
import org.posmaintenance.model.ModelContract;
import org.posmaintenance.sla.ServiceHoursCalendar;
import org.posmaintenance.ticket.StaffTexts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The managers' service-level picture in Cockpit ({@link CockpitSlaPlugin}): open tickets by SLA state, the tickets at
 * risk and the breached ones with what they wait for, and the report's key figures of the last days; in the reader's
 * language. From the ticket records (the SLA state, the deadlines, the stage are the ticket's own columns), so it is
 * exact and answers with counts and two short lists also at 100,000 open tickets.
 */
@Component
public class SlaOverview {

    /** Tickets listed at most per list. */
    static final int LISTED = 50;
    /** The groups that see it: those that watch service levels. */
    static final List<String> READERS = List.of(ModelContract.MANAGERS, ModelContract.SUPERVISORS, ModelContract.ADMINS);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Cockpit creates its resources itself, outside Spring: they find the overview here. */
    private static volatile SlaOverview current;

    private final JdbcTemplate jdbc;
    private final SlaReports reports;
    private final IdentityService identity;
    private final Clock clock;
    private final ZoneId zone;

    public SlaOverview(JdbcTemplate jdbc, SlaReports reports, IdentityService identity, Clock clock, ServiceHoursCalendar calendar) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.identity = identity;
        this.clock = clock;
        this.zone = calendar.zone();
        current = this;
    }

    static SlaOverview current() {
        SlaOverview overview = current;
        if (overview == null) {
            throw new IllegalStateException("The application has not started yet");
        }
        return overview;
    }

    /** Whether the user is a member of a group that watches service levels (read from the identity service). */
    boolean mayRead(String userId) {
        return userId != null && identity.createGroupQuery().groupMember(userId).list().stream()
                .anyMatch(group -> READERS.contains(group.getId()));
    }

    /** The picture now, with the report's figures of the last {@code days} days. */
    Map<String, Object> overview(int days, Locale language) {
        Instant now = clock.instant();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("generatedAt", SHOWN.format(now.atZone(zone)));
        answer.put("timeZone", StaffTexts.text(language, "timeZone"));

        Map<String, Object> byState = new LinkedHashMap<>();
        for (String state : List.of("ON_TRACK", "AT_RISK", "BREACHED")) {
            byState.put(state, Map.of("label", StaffTexts.word(language, "slaState", state), "tickets", 0));
        }
        jdbc.query("SELECT sla_state, COUNT(*) AS tickets FROM ticket WHERE closed_at IS NULL AND sla_state IS NOT NULL"
                + " GROUP BY sla_state", row -> {
                    String state = row.getString("sla_state");
                    byState.put(state, Map.of("label", StaffTexts.word(language, "slaState", state), "tickets", row.getInt("tickets")));
                });
        answer.put("open", byState);

        // at risk: the first-response warning passed, or the deadline the ticket waits for is less than the filters'
        // "SLA at risk" hours away (the repair stage's deadline once the first response is given)
        Timestamp soon = Timestamp.from(now.plus(Duration.ofHours(TasklistFilters.AT_RISK_WITHIN_HOURS)));
        Timestamp at = Timestamp.from(now);
        answer.put("atRisk", jdbc.query(SELECT_OPEN + " AND t.sla_state IN ('ON_TRACK', 'AT_RISK') AND ("
                + " t.sla_state = 'AT_RISK'"
                + " OR (t.first_response_at IS NULL AND t.response_due > ? AND t.response_due <= ?)"
                + " OR (t.first_response_at IS NOT NULL AND t.repair_done_at IS NULL"
                + "     AND COALESCE(t.resolution_extended_due, t.resolution_due) > ?"
                + "     AND COALESCE(t.resolution_extended_due, t.resolution_due) <= ?))"
                + " ORDER BY CASE WHEN t.first_response_at IS NULL THEN t.response_due"
                + " ELSE COALESCE(t.resolution_extended_due, t.resolution_due) END LIMIT " + LISTED,
                (row, i) -> listed(row, language), at, soon, at, soon));
        answer.put("breached", jdbc.query(SELECT_OPEN + " AND t.sla_state = 'BREACHED' ORDER BY t.reported_at LIMIT " + LISTED,
                (row, i) -> listed(row, language)));

        // the report of the last days up to now: from midnight of the first day
        SlaReport report = reports.serviceLevels(reports.period(now.atZone(zone).toLocalDate().minusDays(days - 1L).toString(), null));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("from", report.period().from());
        figures.put("to", report.period().to());
        figures.put("reported", report.tickets().reported());
        figures.put("open", report.tickets().open());
        figures.put("closed", report.tickets().closed());
        figures.put("responseMetPercent", report.compliance().overall().response().metPercent());
        figures.put("resolutionMetPercent", report.compliance().overall().resolution().metPercent());
        figures.put("breaches", report.compliance().overall().breaches());
        figures.put("meanResponseServiceHours", report.times().respond().overall().serviceHours().mean());
        figures.put("averageScore", report.survey().averageScore());
        answer.put("report", figures);
        return answer;
    }

    private static final String SELECT_OPEN = "SELECT t.ticket_number, t.process_instance_id, t.stage, t.severity, t.sla_state,"
            + " t.first_response_at, t.response_due, t.repair_done_at, t.resolution_due, t.resolution_extended_due, m.name"
            + " FROM ticket t LEFT JOIN merchant m ON m.merchant_id = t.merchant_id WHERE t.closed_at IS NULL";

    private Map<String, Object> listed(ResultSet row, Locale language) throws SQLException {
        boolean responded = row.getTimestamp("first_response_at") != null;
        Timestamp resolution = row.getTimestamp("resolution_extended_due") != null ? row.getTimestamp("resolution_extended_due")
                : row.getTimestamp("resolution_due");
        Timestamp deadline = responded ? resolution : row.getTimestamp("response_due");
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("ticketNumber", row.getString("ticket_number"));
        ticket.put("processInstanceId", row.getString("process_instance_id"));
        ticket.put("merchant", row.getString("name"));
        ticket.put("severity", StaffTexts.word(language, "severity", row.getString("severity")));
        ticket.put("stage", StaffTexts.word(language, "stage", row.getString("stage")));
        ticket.put("deadlineKind", StaffTexts.text(language, responded ? "deadline.RESOLUTION" : "deadline.RESPONSE"));
        ticket.put("deadline", deadline == null ? StaffTexts.text(language, "none") : SHOWN.format(deadline.toInstant().atZone(zone)));
        return ticket;
    }
}
