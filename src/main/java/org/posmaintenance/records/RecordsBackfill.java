package org.posmaintenance.records;

import static org.posmaintenance.model.ModelContract.*;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.posmaintenance.billing.Bill;
import org.posmaintenance.billing.BillRecords;
import org.posmaintenance.diagnosis.RepairChannel;
import org.posmaintenance.repair.RepairWork;
import org.posmaintenance.repair.ReplaceTerminalListener;
import org.posmaintenance.ticket.Stage;
import org.posmaintenance.ticket.TicketRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The upgrade to the ticket records (release 0.2): the tickets of an older release kept their facts only in
 * process variables and the engine's history. At start-up, before the web server and the job executor start,
 * each ticket without records (its {@code stage} is empty) gets them from its variables and history: the report,
 * diagnosis, deadlines, first response, SLA state, the repair work (from the repair tasks and who completed them),
 * the loaner, the bill, the evaluation, the notifications and SLA events. One transaction per ticket, the ticket
 * row locked, so that two nodes starting together fill each ticket once. A ticket whose history the cleanup
 * removed already keeps what its row had: it is counted in the log.
 */
@Component
public class RecordsBackfill implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(RecordsBackfill.class);
    /** Bills of the older releases did not record their price list. */
    static final String UNRECORDED_PRICE_LIST = "unrecorded";
    /** The delete reason of a historic task that was completed. */
    private static final String COMPLETED = "completed";
    private static final List<String> REPAIR_TASKS = List.of(TASK_REMOTE_SUPPORT, TASK_REPAIR_ON_SITE, TASK_REPAIR_AT_CENTRE,
            TASK_REPLACE_TERMINAL);
    // variables of the older releases that no step sets any more
    static final String OLD_NOTIFICATIONS = "notifications";
    static final String OLD_SLA_EVENTS = "slaEvents";
    static final String OLD_FIRST_RESPONSE_AT = "firstResponseAt";
    static final String OLD_RESPONSE_SLA_MET = "responseSlaMet";
    static final String OLD_LOANER_RETURNED_AT = "loanerReturnedAt";
    static final String OLD_LOANER_WRITTEN_OFF_AT = "loanerWrittenOffAt";
    static final String OLD_RESOLUTION_ETA = "resolutionEta";
    static final String OLD_BILL = "bill";
    static final String OLD_EVALUATION = "evaluation";

    private final JdbcTemplate jdbc;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final BillRecords bills;
    private final RepairWork work;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public RecordsBackfill(JdbcTemplate jdbc, HistoryService history, RuntimeService runtime, BillRecords bills, RepairWork work,
                           ObjectMapper json, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.runtime = runtime;
        this.bills = bills;
        this.work = work;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        fillAll();
    }

    /** Fills the records of every ticket that has none; how many tickets were filled. */
    public int fillAll() {
        List<String> pending = jdbc.queryForList("SELECT ticket_number FROM ticket WHERE stage IS NULL ORDER BY reported_at",
                String.class);
        if (pending.isEmpty()) {
            return 0;
        }
        LOG.info("Filling the records of {} tickets of an older release from their variables and history", pending.size());
        int filled = 0;
        int withoutHistory = 0;
        int failed = 0;
        for (String ticketNumber : pending) {
            Boolean found;
            try {
                found = transaction.execute(status -> fill(ticketNumber));
            } catch (RuntimeException e) {
                // the ticket keeps an empty stage and is tried again at the next start; the others go on
                LOG.error("The records of ticket {} could not be filled from its variables and history", ticketNumber, e);
                failed++;
                continue;
            }
            if (found != null) {
                filled++;
                if (!found) {
                    withoutHistory++;
                }
                if (filled % 1000 == 0) {
                    LOG.info("Records filled for {} of {} tickets", filled, pending.size());
                }
            }
        }
        LOG.info("Records filled for {} tickets; {} of them had no history left, so only their ticket row is kept; {} failed",
                filled, withoutHistory, failed);
        return filled;
    }

    /** Null when another node filled it meanwhile, else whether variables or history were found. */
    private Boolean fill(String ticketNumber) {
        Map<String, Object> row = jdbc.queryForList("SELECT * FROM ticket WHERE ticket_number = ? FOR UPDATE", ticketNumber)
                .stream().findFirst().orElse(null);
        if (row == null || row.get("stage") != null) {
            return null;
        }
        String processInstanceId = (String) row.get("process_instance_id");
        boolean open = row.get("closed_at") == null;
        Old old = read(processInstanceId, open);
        // a closed or cancelled ticket's stage says so; an open or deleted one stays where it was
        String stage = Stage.CLOSED.name().equals(row.get("outcome")) ? Stage.CLOSED.name()
                : Stage.CANCELLED.name().equals(row.get("outcome")) ? Stage.CANCELLED.name() : old.text(STAGE);
        if (stage == null) {
            stage = Stage.FAULT_REPORT.name();
        }
        if (old.isEmpty()) {
            jdbc.update("UPDATE ticket SET stage = ? WHERE ticket_number = ?", stage, ticketNumber);
            return false;
        }
        String terminal = old.text(TERMINAL_SERIAL);
        jdbc.update("UPDATE ticket SET stage = ?, report_channel = ?, fault_category = ?, fault_description = ?,"
                        + " payments_blocked = ?, contact_phone = ?, replacement_serial = ?, proposed_severity = ?,"
                        + " proposed_repair_channel = ?, severity = ?, repair_channel = ?, warranty_in_period = ?,"
                        + " merchant_caused_damage = ?, response_warning_at = ?, response_due = ?, first_response_at = ?,"
                        + " responder = ?, response_met = ?, resolution_due = ?, resolution_extended_due = ?, resolution_eta = ?,"
                        + " visit_at = ?, repair_done_at = ?, sla_state = ?, installed_version = ?, upgraded_at = ?,"
                        + " survey_sent_at = ?, survey_expires_at = ? WHERE ticket_number = ?",
                stage, old.text(REPORT_CHANNEL), old.text(FAULT_CATEGORY),
                TicketRegistry.clip(old.text(FAULT_DESCRIPTION), 2000), Boolean.TRUE.equals(old.flag(PAYMENTS_BLOCKED)),
                old.text(CONTACT_PHONE), terminal != null && !terminal.equals(row.get("terminal_serial")) ? terminal : null,
                old.text(PROPOSED_SEVERITY), old.text(PROPOSED_REPAIR_CHANNEL),
                first(old.text(SEVERITY), old.text(PROPOSED_SEVERITY)), first(old.text(REPAIR_CHANNEL), old.text(PROPOSED_REPAIR_CHANNEL)),
                old.flag(WARRANTY_IN_PERIOD), old.flag(MERCHANT_CAUSED_DAMAGE), old.time(RESPONSE_WARNING_AT),
                old.time(RESPONSE_DUE), old.time(OLD_FIRST_RESPONSE_AT), old.lastAssignee(TASK_CONFIRM_DIAGNOSIS),
                old.flag(OLD_RESPONSE_SLA_MET), old.time(RESOLUTION_DUE), old.time(RESOLUTION_EXTENDED_DUE),
                old.time(OLD_RESOLUTION_ETA), old.time(VISIT_AT), old.ended(SUB_PROCESS_REPAIR), old.text(SLA_STATE),
                old.text(INSTALLED_VERSION), old.time(UPGRADED_AT), old.ended("Task_SendSurvey"), old.time(SURVEY_EXPIRES_AT),
                ticketNumber);
        fillRepairWork(ticketNumber, old);
        fillLoaner(ticketNumber, old);
        fillBill(ticketNumber, old, row);
        fillEvaluation(ticketNumber, old);
        for (JsonNode entry : old.json(OLD_NOTIFICATIONS)) {
            jdbc.update("INSERT INTO ticket_notification (ticket_number, sent_at, kind, message, eta) VALUES (?, ?, ?, ?, ?)",
                    ticketNumber, timestamp(entry.path("at")), entry.path("kind").asText(),
                    TicketRegistry.clip(entry.path("message").asText(""), 2000), timestamp(entry.path("eta")));
        }
        for (JsonNode entry : old.json(OLD_SLA_EVENTS)) {
            jdbc.update("INSERT INTO ticket_sla_event (ticket_number, occurred_at, kind, message) VALUES (?, ?, ?, ?)",
                    ticketNumber, timestamp(entry.path("at")), entry.path("kind").asText(),
                    TicketRegistry.clip(entry.path("message").asText(""), 500));
        }
        return true;
    }

    /**
     * A row per completed repair task: remote support (repaired or not), an on-site or centre repair whose
     * outcome the next step tells (a part ordered: the part was unavailable; a replacement: beyond repair), and
     * a replacement. The last repair's parts are the variable {@code partsReplaced}.
     */
    private void fillRepairWork(String ticketNumber, Old old) {
        List<HistoricTaskInstance> tasks = old.tasks.stream().filter(task -> REPAIR_TASKS.contains(task.getTaskDefinitionKey())
                || TASK_ORDER_PART.equals(task.getTaskDefinitionKey())).toList();
        RepairChannel lastChannel = null;
        for (int i = 0; i < tasks.size(); i++) {
            HistoricTaskInstance task = tasks.get(i);
            String key = task.getTaskDefinitionKey();
            if (task.getEndTime() == null || TASK_ORDER_PART.equals(key)) {
                continue;
            }
            // a repair that raised "part unavailable" or "beyond repair" is not completed: the error ends the task
            boolean completed = COMPLETED.equals(task.getDeleteReason());
            String next = i + 1 < tasks.size() ? tasks.get(i + 1).getTaskDefinitionKey() : null;
            Instant at = task.getEndTime().toInstant();
            if (TASK_REMOTE_SUPPORT.equals(key)) {
                if (completed) {
                    lastChannel = RepairChannel.REMOTE;
                    boolean resolved = Boolean.TRUE.equals(old.flag(REMOTE_RESOLVED));
                    work.record(ticketNumber, RepairChannel.REMOTE, resolved ? RepairWork.Outcome.REPAIRED
                            : RepairWork.Outcome.NOT_FIXED, List.of(), at, task.getAssignee());
                }
            } else if (TASK_REPLACE_TERMINAL.equals(key)) {
                if (completed) {
                    work.record(ticketNumber, lastChannel != null ? lastChannel : channelOf(old), RepairWork.Outcome.REPLACED,
                            List.of(ReplaceTerminalListener.REPLACEMENT_PART), at, task.getAssignee());
                }
            } else {
                RepairChannel channel = TASK_REPAIR_AT_CENTRE.equals(key) ? RepairChannel.MAIL_IN : RepairChannel.ON_SITE;
                if (TASK_ORDER_PART.equals(next)) {
                    String part = old.text(PART_NEEDED);
                    work.record(ticketNumber, channel, RepairWork.Outcome.PART_UNAVAILABLE, part == null ? List.of() : List.of(part),
                            at, task.getAssignee());
                } else if (TASK_REPLACE_TERMINAL.equals(next)) {
                    work.record(ticketNumber, channel, RepairWork.Outcome.BEYOND_REPAIR, List.of(), at, task.getAssignee());
                } else if (completed) {
                    List<String> parts = new ArrayList<>();
                    old.json(PARTS_REPLACED).forEach(part -> parts.add(part.asText()));
                    work.record(ticketNumber, channel, RepairWork.Outcome.REPAIRED, parts, at, task.getAssignee());
                } else {
                    continue;
                }
                lastChannel = channel;
            }
        }
    }

    private void fillLoaner(String ticketNumber, Old old) {
        if (old.text(LOANER_SERIAL) == null || old.time(LOANER_LENT_AT) == null) {
            return;
        }
        jdbc.update("INSERT INTO loaner_lending (ticket_number, loaner_serial, lent_at, returned_at, written_off_at) VALUES (?, ?, ?, ?, ?)",
                ticketNumber, old.text(LOANER_SERIAL), old.time(LOANER_LENT_AT), old.time(OLD_LOANER_RETURNED_AT),
                old.time(OLD_LOANER_WRITTEN_OFF_AT));
    }

    private void fillBill(String ticketNumber, Old old, Map<String, Object> row) {
        JsonNode bill = old.json(OLD_BILL);
        if (!bill.isObject()) {
            return;
        }
        List<Bill.Line> lines = new ArrayList<>();
        for (JsonNode line : bill.path("lines")) {
            lines.add(new Bill.Line(Bill.Kind.valueOf(line.path("kind").asText()), line.path("code").asText(),
                    line.path("description").asText(""), line.path("quantity").asInt(), decimal(line.path("unitPrice")),
                    decimal(line.path("amount")), Bill.Basis.valueOf(line.path("basis").asText())));
        }
        Timestamp billedAt = Optional.ofNullable(old.ended("Task_BillParts")).or(() -> Optional.ofNullable(old.ended(SUB_PROCESS_REPAIR)))
                .orElse(row.get("closed_at") != null ? (Timestamp) row.get("closed_at") : Timestamp.from(clock.instant()));
        bills.save(ticketNumber, new Bill(bill.path("currency").asText("CNY"), bill.path("warrantyCovered").asBoolean(false), lines,
                decimal(bill.path("total")), UNRECORDED_PRICE_LIST), Boolean.TRUE.equals(old.flag(MAINTENANCE_INCLUDED)),
                billedAt.toInstant());
    }

    private void fillEvaluation(String ticketNumber, Old old) {
        JsonNode evaluation = old.json(OLD_EVALUATION);
        Timestamp answeredAt = old.ended(TASK_ANSWER_SURVEY);
        if (evaluation.isObject()) {
            boolean answered = evaluation.path("answered").asBoolean(false);
            jdbc.update("INSERT INTO ticket_evaluation (ticket_number, answered, score, comment, low_score, answered_at, recorded_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)", ticketNumber, answered,
                    answered && evaluation.hasNonNull("score") ? evaluation.get("score").asInt() : null,
                    answered && evaluation.hasNonNull("comment") ? evaluation.get("comment").asText() : null,
                    evaluation.path("lowScore").asBoolean(false), answered ? answeredAt : null, timestamp(evaluation.path("recordedAt")));
        } else if (old.value(SURVEY_SCORE) instanceof Number score) {
            // answered, not yet evaluated: the evaluation step completes it
            jdbc.update("INSERT INTO ticket_evaluation (ticket_number, answered, score, comment, answered_at) VALUES (?, TRUE, ?, ?, ?)",
                    ticketNumber, score.intValue(), old.text(SURVEY_COMMENT), answeredAt);
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** What an older release kept of a ticket: its variables (the process instance's own win) and its history. */
    private final class Old {
        private final Map<String, TypedValue> variables = new HashMap<>();
        private final List<HistoricTaskInstance> tasks;
        private final List<HistoricActivityInstance> activities;

        Old(Map<String, TypedValue> variables, List<HistoricTaskInstance> tasks, List<HistoricActivityInstance> activities) {
            this.variables.putAll(variables);
            this.tasks = tasks;
            this.activities = activities;
        }

        boolean isEmpty() {
            return variables.isEmpty() && tasks.isEmpty() && activities.isEmpty();
        }

        Object value(String name) {
            TypedValue value = variables.get(name);
            return value == null ? null : value.getValue();
        }

        /** A yes/no as the older releases kept it: a boolean, or the text a form or client sent; null when absent. */
        Boolean flag(String name) {
            Object value = value(name);
            if (value instanceof Boolean flag) {
                return flag;
            }
            return value instanceof String text && !text.isBlank() ? Boolean.valueOf(text.strip()) : null;
        }

        String text(String name) {
            return value(name) instanceof String text ? text : null;
        }

        Timestamp time(String name) {
            return value(name) instanceof Date date ? new Timestamp(date.getTime()) : null;
        }

        /** A JSON variable (its serialized text), or a missing node. */
        JsonNode json(String name) {
            if (!(variables.get(name) instanceof SerializableValue value) || value.getValueSerialized() == null) {
                return json.missingNode();
            }
            try {
                return json.readTree(value.getValueSerialized());
            } catch (JsonProcessingException e) {
                LOG.warn("Variable {} is not JSON; left out of the records", name);
                return json.missingNode();
            }
        }

        String lastAssignee(String taskKey) {
            return tasks.stream().filter(task -> taskKey.equals(task.getTaskDefinitionKey()) && task.getEndTime() != null)
                    .reduce((first, second) -> second).map(HistoricTaskInstance::getAssignee).orElse(null);
        }

        /** When the activity last completed (not cancelled), or null. */
        Timestamp ended(String activityId) {
            return activities.stream().filter(activity -> activityId.equals(activity.getActivityId())
                            && activity.getEndTime() != null && !activity.isCanceled())
                    .map(activity -> new Timestamp(activity.getEndTime().getTime())).max(Comparator.naturalOrder()).orElse(null);
        }
    }

    private Old read(String processInstanceId, boolean open) {
        Map<String, TypedValue> variables = new HashMap<>();
        List<HistoricVariableInstance> historic = new ArrayList<>(history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list());
        // the process instance's own variable last, so that it wins over a local one of the same name
        historic.sort(Comparator.comparing(variable -> processInstanceId.equals(variable.getExecutionId())));
        historic.forEach(variable -> variables.put(variable.getName(), variable.getTypedValue()));
        if (open) {
            List<VariableInstance> running = new ArrayList<>(runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId)
                    .disableCustomObjectDeserialization().list());
            running.sort(Comparator.comparing(variable -> processInstanceId.equals(variable.getExecutionId())));
            running.forEach(variable -> variables.put(variable.getName(), variable.getTypedValue()));
        }
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().list();
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .list();
        return new Old(variables, tasks, activities);
    }

    /** The ticket's repair channel, as confirmed or proposed. */
    private static RepairChannel channelOf(Old old) {
        String channel = first(old.text(REPAIR_CHANNEL), old.text(PROPOSED_REPAIR_CHANNEL));
        return channel == null ? RepairChannel.ON_SITE : RepairChannel.valueOf(channel);
    }

    private static String first(String value, String otherwise) {
        return value != null ? value : otherwise;
    }

    private static Timestamp timestamp(JsonNode text) {
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            return null;
        }
        return Timestamp.from(Instant.parse(text.asText()));
    }

    private static BigDecimal decimal(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull() || value.asText().isBlank()
                ? BigDecimal.ZERO : new BigDecimal(value.asText());
    }
}
