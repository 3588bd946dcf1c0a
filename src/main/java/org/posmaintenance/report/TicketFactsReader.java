package org.posmaintenance.report;

import static org.posmaintenance.model.ModelContract.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the facts of the tickets of a period: which tickets were reported from the application's
 * {@code ticket} table, everything else from Camunda's history (variables, who worked the tasks, when
 * the repair stage ended). A handful of queries per {@value #CHUNK} tickets, whatever their number.
 */
@Component
class TicketFactsReader {

    static final String REPAIR_STAGE = SUB_PROCESS_REPAIR;
    static final String RESPONSE_TASK = TASK_CONFIRM_DIAGNOSIS;
    static final List<String> REPAIR_TASKS = List.of(TASK_REMOTE_SUPPORT, TASK_REPAIR_ON_SITE, TASK_REPAIR_AT_CENTRE,
            TASK_REPLACE_TERMINAL);
    private static final String[] VARIABLES = {TICKET_NUMBER, SEVERITY, REPAIR_CHANNEL, RESPONSE_DUE, FIRST_RESPONSE_AT, RESPONSE_SLA_MET,
            RESOLUTION_DUE, SURVEY_EXPIRES_AT, SURVEY_SCORE, SURVEY_ANSWERED, LOANER_SERIAL, LOANER_LENT_AT,
            LOANER_RETURNED_AT, BILL};
    /** Tickets per IN (...) list of a query. */
    static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final HistoryService history;
    private final RuntimeService runtime;

    TicketFactsReader(JdbcTemplate jdbc, HistoryService history, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.history = history;
        this.runtime = runtime;
    }

    /** The tickets reported in the period, oldest first. */
    List<TicketFacts> reportedIn(ReportPeriod period) {
        List<Registered> registered = jdbc.query(
                "SELECT ticket_number, process_instance_id, reported_at, closed_at, outcome FROM ticket"
                        + " WHERE reported_at >= ? AND reported_at < ? ORDER BY reported_at, ticket_number",
                (row, index) -> new Registered(row.getString("ticket_number"), row.getString("process_instance_id"),
                        row.getTimestamp("reported_at").toInstant(), instant(row.getTimestamp("closed_at")),
                        row.getString("outcome")),
                Timestamp.from(period.from()), Timestamp.from(period.to()));
        Map<String, Instant> repairStageDone = repairStagesDoneSince(period.from());
        List<TicketFacts> facts = new ArrayList<>();
        for (int start = 0; start < registered.size(); start += CHUNK) {
            List<Registered> chunk = registered.subList(start, Math.min(registered.size(), start + CHUNK));
            Map<String, Map<String, Object>> variables = variables(chunk);
            Map<String, List<HistoricTaskInstance>> tasks = tasks(chunk);
            for (Registered ticket : chunk) {
                Map<String, Object> values = variables.getOrDefault(ticket.processInstanceId(), Map.of());
                List<HistoricTaskInstance> worked = tasks.getOrDefault(ticket.processInstanceId(), List.of());
                facts.add(new TicketFacts(ticket.number(), ticket.processInstanceId(), values.get(TICKET_NUMBER) != null,
                        ticket.reportedAt(), ticket.endedAt(),
                        TicketRegistry.Outcome.CLOSED.name().equals(ticket.outcome()),
                        (String) values.get(SEVERITY), (String) values.get(REPAIR_CHANNEL),
                        instant(values.get(RESPONSE_DUE)), instant(values.get(FIRST_RESPONSE_AT)),
                        (Boolean) values.get(RESPONSE_SLA_MET),
                        instant(values.get(RESOLUTION_DUE)), repairStageDone.get(ticket.processInstanceId()),
                        lastAssignee(worked, List.of(RESPONSE_TASK)), lastAssignee(worked, REPAIR_TASKS),
                        values.get(SURVEY_EXPIRES_AT) != null,
                        values.get(SURVEY_SCORE) instanceof Number score ? score.intValue() : null,
                        (Boolean) values.get(SURVEY_ANSWERED),
                        (String) values.get(LOANER_SERIAL), instant(values.get(LOANER_LENT_AT)),
                        instant(values.get(LOANER_RETURNED_AT)), (String) values.get(BILL)));
            }
        }
        return facts;
    }

    /** A loaner terminal lent for a running ticket and not back yet. */
    record LoanerOut(String ticketNumber, String loanerSerial, String merchantName, Instant lentAt) {
    }

    /** The loaners out now, whenever their tickets were reported; longest out first. */
    List<LoanerOut> loanersOutNow() {
        List<String> withLoaner = runtime.createVariableInstanceQuery().variableName(LOANER_LENT_AT).list().stream()
                .map(VariableInstance::getProcessInstanceId).distinct().toList();
        List<LoanerOut> out = new ArrayList<>();
        for (int start = 0; start < withLoaner.size(); start += CHUNK) {
            String[] ids = withLoaner.subList(start, Math.min(withLoaner.size(), start + CHUNK)).toArray(String[]::new);
            Map<String, Map<String, Object>> values = new HashMap<>();
            runtime.createVariableInstanceQuery().processInstanceIdIn(ids)
                    .variableNameIn(TICKET_NUMBER, MERCHANT_NAME, LOANER_SERIAL, LOANER_LENT_AT, LOANER_RETURNED_AT)
                    .list().forEach(variable -> values.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                            .put(variable.getName(), variable.getValue()));
            values.values().stream()
                    .filter(ticket -> ticket.get(LOANER_LENT_AT) != null && ticket.get(LOANER_RETURNED_AT) == null)
                    .map(ticket -> new LoanerOut((String) ticket.get(TICKET_NUMBER), (String) ticket.get(LOANER_SERIAL),
                            (String) ticket.get(MERCHANT_NAME), instant(ticket.get(LOANER_LENT_AT))))
                    .forEach(out::add);
        }
        out.sort(Comparator.comparing(LoanerOut::lentAt).thenComparing(LoanerOut::ticketNumber,
                Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /** A row of the ticket table; {@code outcome} CLOSED, CANCELLED or DELETED once ended. */
    private record Registered(String number, String processInstanceId, Instant reportedAt, Instant endedAt, String outcome) {
    }

    /** Variables of the process instances: one value per name, the process instance's own where a task had one too. */
    private Map<String, Map<String, Object>> variables(List<Registered> tickets) {
        String[] ids = tickets.stream().map(Registered::processInstanceId).toArray(String[]::new);
        List<HistoricVariableInstance> found = new ArrayList<>(history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(ids).variableNameIn(VARIABLES).disableCustomObjectDeserialization().list());
        // the process instance's own variable last, so that it wins
        found.sort(Comparator.comparing(variable -> variable.getProcessInstanceId().equals(variable.getExecutionId())));
        Map<String, Map<String, Object>> values = new HashMap<>();
        for (HistoricVariableInstance variable : found) {
            values.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                    .put(variable.getName(), plain(variable.getTypedValue()));
        }
        return values;
    }

    /** JSON and other serialized values as their text, everything else as it is. */
    private static Object plain(TypedValue value) {
        if (value == null) {
            return null;
        }
        if (value instanceof SerializableValue serializable) {
            return serializable.getValueSerialized();
        }
        return value.getValue();
    }

    private Map<String, List<HistoricTaskInstance>> tasks(List<Registered> tickets) {
        List<String> keys = new ArrayList<>(REPAIR_TASKS);
        keys.add(RESPONSE_TASK);
        String[] businessKeys = tickets.stream().map(Registered::number).toArray(String[]::new);
        Map<String, List<HistoricTaskInstance>> byTicket = new HashMap<>();
        history.createHistoricTaskInstanceQuery().processInstanceBusinessKeyIn(businessKeys)
                .taskDefinitionKeyIn(keys.toArray(String[]::new)).list()
                .forEach(task -> byTicket.computeIfAbsent(task.getProcessInstanceId(), id -> new ArrayList<>()).add(task));
        return byTicket;
    }

    /** The assignee of the latest of these tasks, or null when there is none or it is unassigned. */
    private static String lastAssignee(List<HistoricTaskInstance> tasks, List<String> taskKeys) {
        return tasks.stream().filter(task -> taskKeys.contains(task.getTaskDefinitionKey()))
                .max(Comparator.comparing(HistoricTaskInstance::getStartTime))
                .map(HistoricTaskInstance::getAssignee).orElse(null);
    }

    /** When the repair stages that started since then completed (cancelled ones are left out), by process instance. */
    private Map<String, Instant> repairStagesDoneSince(Instant since) {
        return history.createHistoricActivityInstanceQuery().activityId(REPAIR_STAGE).finished()
                .startedAfter(Date.from(since.minusSeconds(1))).list().stream()
                .filter(stage -> !stage.isCanceled())
                .collect(HashMap::new, (map, stage) -> map.merge(stage.getProcessInstanceId(), stage.getEndTime().toInstant(),
                        (a, b) -> a.isAfter(b) ? a : b), Map::putAll);
    }

    private static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return null;
    }
}
