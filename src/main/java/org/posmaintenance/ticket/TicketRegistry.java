package org.posmaintenance.ticket;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The application's record of each ticket, the system of record of its facts: what was reported, the
 * diagnosis, the deadlines, the service-level outcome, the stage, and how it ended. Each process step writes
 * what it produces here, in its own transaction; the process variables carry only copies that routing,
 * timers and forms need. Kept {@code pos.records.retention}, whatever the engine's history keeps.
 * <p>
 * A ticket read by its process instance is kept for the rest of the transaction: the delegates and listeners of
 * one step read the same ticket several times (it was a fifth of the application's statements for a ticket). A step
 * writes what it produced in one statement ({@link Changes}, {@link #apply}), which the kept row takes over; code that
 * writes the table itself calls {@link #changed()}, and the row is read again.
 */
@Repository
public class TicketRegistry {

    /** What the current transaction read (the row, by lower-case column name) and ended, by process instance. */
    private static final class InTransaction {
        final Map<String, Map<String, Object>> read = new HashMap<>();
        final Set<String> ended = new HashSet<>();
    }

    /**
     * Columns of a ticket's row and their new values, written in one statement by {@link #apply}: what one step of the
     * ticket produced (a stage, a deadline's basis, a service-level state), gathered from the classes that know each.
     * The column names are this code's, never input.
     */
    public static final class Changes {
        private final Map<String, Object> columns = new LinkedHashMap<>();

        public Changes set(String column, Object value) {
            columns.put(column, value instanceof Instant instant ? Timestamp.from(instant) : value);
            return this;
        }

        public boolean isEmpty() {
            return columns.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionScoped<InTransaction> transactions;

    public TicketRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.transactions = new TransactionScoped<>(jdbc.getDataSource(), InTransaction::new);
    }

    /** The state of the current transaction, or null outside a transaction. */
    private InTransaction inTransaction() {
        return transactions.current();
    }

    /** Forgets the tickets read in this transaction: called after every write to the table. */
    public void changed() {
        InTransaction current = inTransaction();
        if (current != null) {
            current.read.clear();
        }
    }

    /** How a ticket ended. */
    public enum Outcome {
        /** The procedure completed: repaired, evaluated, closed. */
        CLOSED,
        /** Withdrawn by the merchant or cancelled by staff, in the model. */
        CANCELLED,
        /** Its process instance was deleted outside the model (Cockpit, REST) or is gone. */
        DELETED
    }

    /** What the merchant or the hotline reported. */
    public record Report(String channel, String faultCategory, String faultDescription, boolean paymentsBlocked,
                         String contactPhone) {
    }

    /**
     * A ticket's record.
     *
     * @param outcome           how it ended, null while open
     * @param endReason         why it was cancelled or deleted
     * @param endedBy           who cancelled or deleted it: a Camunda user, or {@code merchant}
     * @param replacementSerial the terminal that replaced the reported one, beyond repair
     * @param responder         who gave the first response: completed Confirm diagnosis (the logged-in user, else its assignee)
     * @param resolutionEta     the new estimated time of repair the merchant was told
     * @param repairDoneAt      when the repair stage was done
     * @param deadlinesProvisional whether a deadline counts days of a year without official notice; null before the diagnosis
     */
    public record Ticket(String number, String processInstanceId, String merchantId, String terminalSerial,
                         Instant reportedAt, Instant closedAt, Outcome outcome, String endReason, String endedBy,
                         Report report, String replacementSerial, String stage,
                         String proposedSeverity, String proposedRepairChannel, String severity, String repairChannel,
                         Boolean warrantyInPeriod, Boolean merchantCausedDamage,
                         Instant responseWarningAt, Instant responseDue, Instant firstResponseAt, String responder,
                         Boolean responseMet, Instant resolutionDue, Instant resolutionExtendedDue, Instant resolutionEta,
                         Instant visitAt, Instant repairDoneAt, String slaState, String installedVersion, Instant upgradedAt,
                         Instant surveySentAt, Instant surveyExpiresAt, Boolean deadlinesProvisional) {

        public boolean open() {
            return closedAt == null;
        }

        /** The merchant's terminal now: the replacement, if the reported one was replaced. */
        public String currentTerminal() {
            return replacementSerial != null ? replacementSerial : terminalSerial;
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    public Optional<Ticket> find(String ticketNumber) {
        return jdbc.query("SELECT * FROM ticket WHERE ticket_number = ?", TicketRegistry::row, ticketNumber).stream().findFirst();
    }

    /** A merchant's tickets, newest first, at most {@code limit}. */
    public List<Ticket> ofMerchant(String merchantId, int limit) {
        return jdbc.query("SELECT * FROM ticket WHERE merchant_id = ? ORDER BY reported_at DESC, ticket_number DESC LIMIT ?",
                TicketRegistry::row, merchantId, limit);
    }

    public Optional<Ticket> findByProcessInstance(String processInstanceId) {
        InTransaction current = inTransaction();
        Map<String, Object> known = current == null ? null : current.read.get(processInstanceId);
        if (known != null) {
            return Optional.of(ticket(known));
        }
        Optional<Map<String, Object>> row = jdbc.query("SELECT * FROM ticket WHERE process_instance_id = ?",
                TicketRegistry::columns, processInstanceId).stream().findFirst();
        if (current != null) {
            row.ifPresent(found -> current.read.put(processInstanceId, found));
        }
        return row.map(TicketRegistry::ticket);
    }

    /** The ticket of a process step; every step of the ticket's process has one. */
    public Ticket ofProcess(String processInstanceId) {
        return findByProcessInstance(processInstanceId)
                .orElseThrow(() -> new IllegalStateException("No ticket record for process instance " + processInstanceId));
    }

    /** The ticket, locked until the transaction ends, so that two requests to end it are taken one after the other. */
    public Optional<Ticket> lock(String ticketNumber) {
        changed();
        return jdbc.query("SELECT * FROM ticket WHERE ticket_number = ? FOR UPDATE", TicketRegistry::row, ticketNumber)
                .stream().findFirst();
    }

    public Optional<String> openTicketFor(String terminalSerial) {
        return jdbc.queryForList("SELECT ticket_number FROM ticket WHERE terminal_serial = ? AND closed_at IS NULL",
                String.class, terminalSerial).stream().findFirst();
    }

    /** Tickets that are open in this table, but whose process instance no longer runs: the engine ended them. */
    public List<Ticket> openWithoutRunningInstance() {
        return jdbc.query("SELECT * FROM ticket t WHERE t.closed_at IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.ID_ = t.process_instance_id)", TicketRegistry::row);
    }

    /** Tickets closed before the outcome was recorded (releases before 0.2): the outcome is set once from the history. */
    public List<Ticket> closedWithoutOutcome() {
        return jdbc.query("SELECT * FROM ticket WHERE closed_at IS NOT NULL AND outcome IS NULL", TicketRegistry::row);
    }

    // ------------------------------------------------------------------------------------------------ writing

    /** A new ticket, in the transaction that starts it. */
    public void register(String number, String processInstanceId, String merchantId, String terminalSerial, Instant reportedAt,
                         Report report) {
        changed();
        jdbc.update("INSERT INTO ticket (ticket_number, process_instance_id, merchant_id, terminal_serial, reported_at,"
                        + " report_channel, fault_category, fault_description, payments_blocked, contact_phone, stage)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'FAULT_REPORT')", number, processInstanceId, merchantId,
                terminalSerial, Timestamp.from(reportedAt), report.channel(), report.faultCategory(),
                clip(report.faultDescription(), 2000), report.paymentsBlocked(), report.contactPhone());
    }

    public void stage(String processInstanceId, Stage stage) {
        apply(processInstanceId, stage(changes(), stage));
    }

    public Changes stage(Changes changes, Stage stage) {
        return changes.set("stage", stage.name());
    }

    /** The diagnosis step's proposal, the warranty, and the first-response deadlines. */
    public Changes diagnosed(Changes changes, String severity, String repairChannel, boolean warrantyInPeriod,
                             Instant responseWarningAt, Instant responseDue) {
        return changes.set("proposed_severity", severity).set("proposed_repair_channel", repairChannel)
                .set("severity", severity).set("repair_channel", repairChannel).set("warranty_in_period", warrantyInPeriod)
                .set("response_warning_at", responseWarningAt).set("response_due", responseDue);
    }

    /** The first response: the technician's diagnosis, whether it was on time, and the resolution deadlines. */
    public Changes responded(Changes changes, String severity, String repairChannel, boolean merchantCausedDamage,
                             Instant at, String responder, boolean onTime, Instant resolutionDue, Instant resolutionExtendedDue) {
        return changes.set("severity", severity).set("repair_channel", repairChannel)
                .set("merchant_caused_damage", merchantCausedDamage).set("first_response_at", at).set("responder", responder)
                .set("response_met", onTime).set("resolution_due", resolutionDue).set("resolution_extended_due", resolutionExtendedDue);
    }

    /** The new estimated time of repair the merchant is told. */
    public void eta(String processInstanceId, Instant eta) {
        apply(processInstanceId, changes().set("resolution_eta", eta));
    }

    public void visit(String processInstanceId, Instant visitAt) {
        apply(processInstanceId, changes().set("visit_at", visitAt));
    }

    public void replaced(String processInstanceId, String replacementSerial) {
        apply(processInstanceId, changes().set("replacement_serial", replacementSerial));
    }

    /** The system upgrade: the version now on the merchant's terminal. */
    public void upgraded(String processInstanceId, String installedVersion, Instant at) {
        apply(processInstanceId, changes().set("installed_version", installedVersion).set("upgraded_at", at));
    }

    public void surveySent(String processInstanceId, Instant at, Instant expiresAt) {
        apply(processInstanceId, changes().set("survey_sent_at", at).set("survey_expires_at", expiresAt));
    }

    /**
     * Records the end of the ticket of this process instance, unless it has ended already (a cancelled ticket
     * is closed when the cancellation is accepted, before its process ends). Whether it was still open.
     */
    public boolean markEnded(String processInstanceId, Instant at, Outcome outcome, String reason, String by) {
        InTransaction current = inTransaction();
        if (current != null && current.ended.contains(processInstanceId)) {
            return false; // ended in this transaction already (the closing step, then the engine's end event)
        }
        changed();
        boolean ended = jdbc.update("UPDATE ticket SET closed_at = ?, outcome = ?, end_reason = ?, ended_by = ?"
                        + " WHERE process_instance_id = ? AND closed_at IS NULL",
                Timestamp.from(at), outcome.name(), clip(reason, 500), clip(by, 64), processInstanceId) > 0;
        if (ended) {
            // a pause of the resolution clock (sla.SlaPauses) ends with the ticket at the latest
            jdbc.update("UPDATE ticket_sla_pause SET ends_at = ? WHERE ends_at IS NULL AND ticket_number ="
                    + " (SELECT ticket_number FROM ticket WHERE process_instance_id = ?)", Timestamp.from(at), processInstanceId);
        }
        if (current != null) {
            current.ended.add(processInstanceId);
        }
        return ended;
    }

    public void setOutcome(String ticketNumber, Outcome outcome) {
        changed();
        jdbc.update("UPDATE ticket SET outcome = ? WHERE ticket_number = ? AND outcome IS NULL", outcome.name(), ticketNumber);
    }

    /** New changes to the ticket's row, to add to and then {@link #apply}. */
    public Changes changes() {
        return new Changes();
    }

    /** Writes the changes to the ticket of this process instance in one statement; the row kept in this transaction takes them over. */
    public void apply(String processInstanceId, Changes changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Object> arguments = new ArrayList<>(changes.columns.values());
        arguments.add(processInstanceId);
        String assignments = changes.columns.keySet().stream().map(column -> column + " = ?").collect(Collectors.joining(", "));
        if (jdbc.update("UPDATE ticket SET " + assignments + " WHERE process_instance_id = ?", arguments.toArray()) != 1) {
            changed();
            throw new IllegalStateException("No ticket record for process instance " + processInstanceId);
        }
        InTransaction current = inTransaction();
        Map<String, Object> known = current == null ? null : current.read.get(processInstanceId);
        if (known != null) {
            known.putAll(changes.columns);
        }
    }

    public static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static Boolean bool(ResultSet row, String column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }

    private static Ticket row(ResultSet row, int index) throws SQLException {
        return ticket(columns(row, index));
    }

    /** The row's columns by lower-case name, as the driver gives them (a timestamp as {@link Timestamp}). */
    private static Map<String, Object> columns(ResultSet row, int index) throws SQLException {
        ResultSetMetaData meta = row.getMetaData();
        Map<String, Object> columns = new HashMap<>();
        for (int column = 1; column <= meta.getColumnCount(); column++) {
            columns.put(meta.getColumnLabel(column).toLowerCase(Locale.ROOT), row.getObject(column));
        }
        return columns;
    }

    private static Ticket ticket(Map<String, Object> row) {
        String outcome = text(row, "outcome");
        return new Ticket(text(row, "ticket_number"), text(row, "process_instance_id"), text(row, "merchant_id"),
                text(row, "terminal_serial"), instant(row, "reported_at"), instant(row, "closed_at"),
                outcome == null ? null : Outcome.valueOf(outcome), text(row, "end_reason"), text(row, "ended_by"),
                new Report(text(row, "report_channel"), text(row, "fault_category"), text(row, "fault_description"),
                        Boolean.TRUE.equals(bool(row, "payments_blocked")), text(row, "contact_phone")),
                text(row, "replacement_serial"), text(row, "stage"),
                text(row, "proposed_severity"), text(row, "proposed_repair_channel"), text(row, "severity"),
                text(row, "repair_channel"), bool(row, "warranty_in_period"), bool(row, "merchant_caused_damage"),
                instant(row, "response_warning_at"), instant(row, "response_due"), instant(row, "first_response_at"),
                text(row, "responder"), bool(row, "response_met"), instant(row, "resolution_due"),
                instant(row, "resolution_extended_due"), instant(row, "resolution_eta"), instant(row, "visit_at"),
                instant(row, "repair_done_at"), text(row, "sla_state"), text(row, "installed_version"),
                instant(row, "upgraded_at"), instant(row, "survey_sent_at"), instant(row, "survey_expires_at"),
                bool(row, "deadlines_provisional"));
    }

    private static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : value.toString();
    }

    private static Instant instant(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return Timestamp.valueOf(local).toInstant(); // TIMESTAMP without zone, read in the JVM's zone as getTimestamp does
        }
        throw new IllegalStateException("Column " + column + " of ticket holds a " + value.getClass().getName());
    }

    private static Boolean bool(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : (Boolean) value;
    }
}
