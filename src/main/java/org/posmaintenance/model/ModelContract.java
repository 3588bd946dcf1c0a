package org.posmaintenance.model;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Optional;

/**
 * The contract between the models analysts edit ({@code processes/*.bpmn}, {@code processes/*.dmn},
 * {@code forms/*.form}) and the Java code: every process, activity, message, BPMN error, decision,
 * candidate group and variable name the code depends on, and the delegates and listeners a model may
 * call ({@link #HOOKS}, the deployment guard's allow-list). Nothing else in the code repeats these
 * names. {@code ModelContractTest} parses the models and fails, naming the code that depends on a
 * name, when one is missing or renamed; ANALYSTS.md prints the same list (checked by that test).
 */
public final class ModelContract {

    /** A process definition key. */
    @Retention(RUNTIME) @Target(FIELD)
    public @interface ProcessKey {
        String usedFor();
    }

    /** A BPMN element the code names, of this BPMN type (the XML element name, e.g. {@code userTask}). */
    @Retention(RUNTIME) @Target(FIELD)
    public @interface Activity {
        String type();

        String process() default PROCESS_ID;

        String usedFor();
    }

    /** The name of a BPMN message the code correlates. */
    @Retention(RUNTIME) @Target(FIELD)
    public @interface Message {
        String usedFor();
    }

    /** The code of a BPMN error the code throws at these activities; a boundary event there must catch it. */
    @Retention(RUNTIME) @Target(FIELD)
    public @interface BpmnErrorCode {
        String[] thrownAt();

        String usedFor();
    }

    /** A decision the code evaluates by key, with the input and output names it passes and reads. */
    @Retention(RUNTIME) @Target(FIELD)
    public @interface Decision {
        String[] inputs();

        String[] outputs();

        String usedFor();
    }

    /** An input or output name of a decision that is no process variable. */
    @Retention(RUNTIME) @Target(FIELD)
    public @interface DecisionColumn {
    }

    /** A group of people; the model's candidate groups must be among them. */
    @Retention(RUNTIME) @Target(FIELD)
    public @interface Group {
        String usedFor();
    }

    /**
     * A process variable. {@code readByModel}: the code sets it for the model (a timer, gateway, due
     * date or priority), so the model must use it somewhere.
     */
    @Retention(RUNTIME) @Target(FIELD)
    public @interface Variable {
        boolean readByModel() default false;
    }

    // ---------------------------------------------------------------------------------------- processes

    @ProcessKey(usedFor = "every ticket is an instance of it: started by the merchant API, the hotline and the REST API")
    public static final String PROCESS_ID = "PosTerminalMaintenance";
    @ProcessKey(usedFor = "the hotline and managers cancel a ticket from Tasklist by starting it")
    public static final String CANCELLATION_PROCESS_ID = "TicketCancellation";
    @ProcessKey(usedFor = "a supervisor approves an SLA pause longer than pos.sla.pause.approval-after (started by sla.SlaPauses)")
    public static final String PROCESS_SLA_PAUSE_APPROVAL = "SlaPauseApproval";
    @ProcessKey(usedFor = "every day, warns managers when the official holiday calendar runs out (sla.calendar.CalendarWatch)")
    public static final String PROCESS_CALENDAR_WATCH = "ServiceCalendarWatch";

    // ---------------------------------------------------------------------------------------- activities

    // The stages are groups in the diagram; the repair alone is a sub-process, since its resolution timers watch the
    // whole stage. A stage starts at its event (the fault report with the process), whose listener keeps the record.
    @Activity(type = "intermediateThrowEvent", usedFor = "stage DIAGNOSIS (stageTracker): the service levels start")
    public static final String EVENT_DIAGNOSIS_STAGE = "Event_DiagnosisStage";
    @Activity(type = "subProcess", usedFor = "stage REPAIR (stageTracker); its end is the resolution the report measures")
    public static final String SUB_PROCESS_REPAIR = "SubProcess_Repair";
    @Activity(type = "intermediateThrowEvent", usedFor = "stage SYSTEM_UPGRADE (stageTracker): its start settles the SLA state")
    public static final String EVENT_SYSTEM_UPGRADE_STAGE = "Event_SystemUpgradeStage";
    @Activity(type = "intermediateThrowEvent", usedFor = "stage FEEDBACK (stageTracker)")
    public static final String EVENT_FEEDBACK_STAGE = "Event_FeedbackStage";
    @Activity(type = "endEvent", usedFor = "a ticket that ends here is CLOSED in the ticket record and the report")
    public static final String END_EVENT_TICKET_CLOSED = "EndEvent_TicketClosed";
    @Activity(type = "userTask", usedFor = "the first response: escalated when late, the SLA filters")
    public static final String TASK_CONFIRM_DIAGNOSIS = "Task_ConfirmDiagnosis";
    @Activity(type = "userTask", usedFor = "SLA filters")
    public static final String TASK_REMOTE_SUPPORT = "Task_RemoteSupport";
    @Activity(type = "userTask", usedFor = "SLA filters")
    public static final String TASK_SCHEDULE_VISIT = "Task_ScheduleVisit";
    @Activity(type = "userTask", usedFor = "SLA filters")
    public static final String TASK_REPAIR_ON_SITE = "Task_RepairOnSite";
    @Activity(type = "userTask", usedFor = "SLA filters")
    public static final String TASK_RECEIVE_TERMINAL = "Task_ReceiveTerminal";
    @Activity(type = "userTask", usedFor = "SLA filters")
    public static final String TASK_REPAIR_AT_CENTRE = "Task_RepairAtCentre";
    @Activity(type = "userTask", usedFor = "SLA filters")
    public static final String TASK_RETURN_TERMINAL = "Task_ReturnTerminal";
    @Activity(type = "userTask", usedFor = "SLA filters")
    public static final String TASK_ORDER_PART = "Task_OrderPart";
    @Activity(type = "userTask", usedFor = "SLA filters")
    public static final String TASK_RECEIVE_PART = "Task_ReceivePart";
    @Activity(type = "userTask", usedFor = "SLA filters")
    public static final String TASK_REPLACE_TERMINAL = "Task_ReplaceTerminal";
    @Activity(type = "userTask", usedFor = "the merchant API answers the survey by completing it")
    public static final String TASK_ANSWER_SURVEY = "Task_AnswerSurvey";
    @Activity(type = "subProcess", usedFor = "cancellation (event sub-process started by the message TicketCancellationRequested)")
    public static final String SUB_PROCESS_CANCELLATION = "SubProcess_Cancellation";

    @Activity(type = "userTask", usedFor = "the SLA pause of a merchant who cannot be reached ends when it is completed")
    public static final String TASK_REACH_MERCHANT = "Task_ReachMerchant";
    @Activity(type = "userTask", process = PROCESS_SLA_PAUSE_APPROVAL, usedFor = "a supervisor approves or refuses a long SLA pause")
    public static final String TASK_APPROVE_SLA_PAUSE = "Task_ApproveSlaPause";
    @Activity(type = "userTask", process = PROCESS_CALENDAR_WATCH, usedFor = "managers enter the next official holiday notice")
    public static final String TASK_ENTER_HOLIDAY_NOTICE = "Task_EnterHolidayNotice";
    @Activity(type = "boundaryEvent", usedFor = "the SLA deadlines move its timer (calendar change, pause)")
    public static final String TIMER_RESPONSE_AT_RISK = "BoundaryEvent_ResponseSlaAtRisk";
    @Activity(type = "boundaryEvent", usedFor = "the SLA deadlines move its timer (calendar change, pause)")
    public static final String TIMER_RESPONSE_BREACHED = "BoundaryEvent_ResponseSlaBreached";
    @Activity(type = "boundaryEvent", usedFor = "the SLA deadlines move and pause its timer (calendar change, pause)")
    public static final String TIMER_RESOLUTION_MISSED = "BoundaryEvent_ResolutionTargetMissed";
    @Activity(type = "boundaryEvent", usedFor = "the SLA deadlines move and pause its timer (calendar change, pause)")
    public static final String TIMER_RESOLUTION_EXTENSION_EXCEEDED = "BoundaryEvent_ResolutionExtensionExceeded";

    // ---------------------------------------------------------------------------------------- messages, errors

    @Message(usedFor = "the merchant's withdrawal (merchant API) and a cancellation from Tasklist (TicketCancellation)"
            + " correlate it by the ticket number; it must start the cancellation event sub-process")
    public static final String MSG_CANCELLATION_REQUESTED = "TicketCancellationRequested";

    @BpmnErrorCode(thrownAt = {TASK_REPAIR_ON_SITE, TASK_REPAIR_AT_CENTRE},
            usedFor = "the repair report says a part is not in stock (repairOutcome PART_UNAVAILABLE): order it")
    public static final String ERROR_PART_UNAVAILABLE = "PART_UNAVAILABLE";
    @BpmnErrorCode(thrownAt = {TASK_REPAIR_ON_SITE, TASK_REPAIR_AT_CENTRE},
            usedFor = "the repair report says the terminal is beyond repair (repairOutcome BEYOND_REPAIR): replace it")
    public static final String ERROR_BEYOND_REPAIR = "BEYOND_REPAIR";

    // ---------------------------------------------------------------------------------------- decisions

    @Decision(inputs = {ModelContract.FAULT_CATEGORY, ModelContract.PAYMENTS_BLOCKED},
            outputs = {ModelContract.SEVERITY, ModelContract.REPAIR_CHANNEL},
            usedFor = "diagnoseFault proposes severity and repair channel")
    public static final String DECISION_FAULT_TRIAGE = "FaultTriage";
    @Decision(inputs = {ModelContract.SEVERITY},
            outputs = {ModelContract.SLA_RESPONSE, ModelContract.SLA_RESPONSE_CLOCK, ModelContract.SLA_RESOLUTION,
                    ModelContract.SLA_RESOLUTION_CLOCK, ModelContract.SLA_EXTENSION, ModelContract.SLA_RESOLUTION_FROM},
            usedFor = "the deadlines of first response and resolution")
    public static final String DECISION_SLA_TARGETS = "SlaTargets";
    @Decision(inputs = {ModelContract.LINE_KIND, ModelContract.IN_WARRANTY_PERIOD, ModelContract.MERCHANT_CAUSED_DAMAGE,
            ModelContract.MAINTENANCE_INCLUDED},
            outputs = {ModelContract.BASIS},
            usedFor = "billParts: who pays for each line of the bill")
    public static final String DECISION_WARRANTY_COVERAGE = "WarrantyCoverage";

    @DecisionColumn public static final String SLA_RESPONSE = "response";
    @DecisionColumn public static final String SLA_RESPONSE_CLOCK = "responseClock";
    @DecisionColumn public static final String SLA_RESOLUTION = "resolution";
    @DecisionColumn public static final String SLA_RESOLUTION_CLOCK = "resolutionClock";
    @DecisionColumn public static final String SLA_EXTENSION = "extension";
    @DecisionColumn public static final String SLA_RESOLUTION_FROM = "resolutionFrom";
    @DecisionColumn public static final String LINE_KIND = "lineKind";
    @DecisionColumn public static final String IN_WARRANTY_PERIOD = "inWarrantyPeriod";
    @DecisionColumn public static final String BASIS = "basis";

    // ---------------------------------------------------------------------------------------- groups

    @Group(usedFor = "records faults and evaluations; starts tickets and cancellations")
    public static final String HOTLINE = "hotline";
    @Group(usedFor = "diagnosis, remote support, on-site repair, upgrades")
    public static final String TECHNICIANS = "technicians";
    @Group(usedFor = "mail-in repairs, parts, replacements and loaner terminals")
    public static final String REPAIR_CENTRE = "repaircentre";
    @Group(usedFor = "escalated first responses (escalateResponse adds them to the task)")
    public static final String SUPERVISORS = "supervisors";
    @Group(usedFor = "overdue repairs, low scores, unreturned loaners; cancellations; Cockpit and the reports")
    public static final String MANAGERS = "managers";
    @Group(usedFor = "deploy revised models and migrate tickets")
    public static final String ANALYSTS = "analysts";
    @Group(usedFor = "the administrators (created by Camunda with the administrator); every permission")
    public static final String ADMINS = "camunda-admin";
    @Group(usedFor = "monitoring: reads the health details and the Prometheus metrics (/actuator), nothing else")
    public static final String MONITORING = "monitoring";

    // ---------------------------------------------------------------------------------------- variables
    // Routing state, the dates timers read, and copies of the ticket's record for forms and Tasklist. None is the
    // only copy of a fact: the facts are the ticket's records in the application's tables (ticket.TicketRegistry).

    // 1 Fault report: from the start form, the merchant API or the REST start call. The registration keeps merchantId,
    // terminalSerial and faultCategory as copies (Tasklist's searches and columns) and removes the rest: the record
    // keeps them.
    @Variable public static final String REPORT_CHANNEL = "reportChannel";
    @Variable public static final String MERCHANT_ID = "merchantId";
    @Variable public static final String CONTACT_PHONE = "contactPhone";
    @Variable public static final String TERMINAL_SERIAL = "terminalSerial";
    @Variable public static final String FAULT_CATEGORY = "faultCategory";
    @Variable public static final String PAYMENTS_BLOCKED = "paymentsBlocked";
    @Variable public static final String FAULT_DESCRIPTION = "faultDescription";
    // set when the ticket is registered, from the merchant record (Tasklist's column)
    @Variable public static final String MERCHANT_NAME = "merchantName";
    /** Set by earlier releases, still on their running tickets (the terminal's record has both). */
    @Variable public static final String TERMINAL_MODEL = "terminalModel";
    @Variable public static final String SOFTWARE_VERSION = "softwareVersion";
    @Variable public static final String TICKET_NUMBER = "ticketNumber";
    /**
     * Transient, never stored: the hotline agent who registered the ticket in Tasklist (null for the merchant page,
     * the merchant API and a client without a user); the model gives him a task that shows the new ticket's number.
     */
    @Variable(readByModel = true) public static final String HOTLINE_AGENT = "hotlineAgent";
    /** Set by older releases (the stage is the ticket's record, and the group Cockpit shows); read by RecordsBackfill. */
    @Variable public static final String STAGE = "stage";
    /** The service-level state, {@code sla.SlaState}: ON_TRACK, AT_RISK, BREACHED, then MET or MISSED. */
    @Variable public static final String SLA_STATE = "slaState";
    /**
     * Copies for Cockpit: true while a deadline counts days of a year without official notice (absent otherwise); a
     * running pause.
     */
    @Variable public static final String SLA_DEADLINES_PROVISIONAL = "slaDeadlinesProvisional";
    @Variable public static final String SLA_PAUSED_SINCE = "slaPausedSince";
    @Variable public static final String SLA_PAUSE = "slaPauseKind";
    // SLA pauses: a merchant who cannot be reached (Agree on-site appointment), a visit postponed (Repair on site)
    @Variable(readByModel = true) public static final String MERCHANT_UNREACHABLE = "merchantUnreachable";
    @Variable public static final String CONTACT_ATTEMPTS = "contactAttempts";
    @Variable public static final String MERCHANT_REACHED_NOTES = "merchantReachedNotes";
    @Variable public static final String POSTPONED_UNTIL = "postponedUntil";
    @Variable(readByModel = true) public static final String VISIT_POSTPONED = "visitPostponed";
    @Variable public static final String POSTPONE_REASON = "postponeReason";
    // the approval of a long pause (process SlaPauseApproval)
    @Variable public static final String SLA_PAUSE_ID = "slaPauseId";
    @Variable public static final String SLA_PAUSE_DESCRIPTION = "slaPauseDescription";
    @Variable(readByModel = true) public static final String SLA_PAUSE_APPROVAL_DUE_AT = "slaPauseApprovalDueAt";
    @Variable public static final String SLA_PAUSE_APPROVED = "slaPauseApproved";
    @Variable public static final String SLA_PAUSE_DECISION_NOTES = "slaPauseDecisionNotes";
    // the calendar watch (process ServiceCalendarWatch)
    @Variable(readByModel = true) public static final String CALENDAR_NOTICE_NEEDED = "calendarNoticeNeeded";
    @Variable(readByModel = true) public static final String CALENDAR_OFFICIAL_UNTIL = "calendarOfficialUntil";
    @Variable public static final String CALENDAR_YEAR_NEEDED = "calendarYearNeeded";
    /** For the managers' form: the last day the official notices cover ({@code 2026-12-31}), "—" when none. */
    @Variable public static final String CALENDAR_OFFICIAL_LAST_DAY = "calendarOfficialLastDay";

    // 2 Diagnosis. The triage's proposal and the warranty are the ticket's record; earlier releases also set them as the
    // variables proposedSeverity, proposedRepairChannel and warrantyInPeriod (read by RecordsBackfill).
    @Variable public static final String PROPOSED_SEVERITY = "proposedSeverity";
    @Variable public static final String PROPOSED_REPAIR_CHANNEL = "proposedRepairChannel";
    @Variable public static final String SEVERITY = "severity";
    @Variable(readByModel = true) public static final String REPAIR_CHANNEL = "repairChannel";
    @Variable public static final String WARRANTY_IN_PERIOD = "warrantyInPeriod";
    @Variable(readByModel = true) public static final String TASK_PRIORITY = "taskPriority";
    @Variable(readByModel = true) public static final String RESPONSE_WARNING_AT = "responseWarningAt";
    @Variable(readByModel = true) public static final String RESPONSE_DUE = "responseDue";
    @Variable public static final String MERCHANT_CAUSED_DAMAGE = "merchantCausedDamage";
    @Variable public static final String DIAGNOSIS_NOTES = "diagnosisNotes";

    // 3 Repair and parts billing
    @Variable(readByModel = true) public static final String RESOLUTION_DUE = "resolutionDue";
    @Variable(readByModel = true) public static final String RESOLUTION_EXTENDED_DUE = "resolutionExtendedDue";
    @Variable public static final String REMOTE_MEDIUM = "remoteMedium";
    @Variable public static final String REMOTE_SESSION_NOTES = "remoteSessionNotes";
    @Variable(readByModel = true) public static final String REMOTE_RESOLVED = "remoteResolved";
    /** The merchant agrees to the software upgrade right away (the shop is closed, or the merchant accepts). */
    @Variable public static final String UPGRADE_NOW = "upgradeNow";
    @Variable public static final String VISIT_APPOINTMENT = "visitAppointment";
    @Variable public static final String VISIT_AT = "visitAt";
    @Variable public static final String VISIT_ADDRESS = "visitAddress";
    /** REPAIRED, PART_UNAVAILABLE or BEYOND_REPAIR: the outcome of a repair on site or at the centre. */
    @Variable public static final String REPAIR_OUTCOME = "repairOutcome";
    @Variable public static final String REPAIR_REPORT = "repairReport";
    @Variable public static final String PARTS_REPLACED = "partsReplaced";
    /** The part that was not in stock (a price-list code). */
    @Variable public static final String PART_NEEDED = "partNeeded";
    /** Where the repair that waits for a part goes on: ON_SITE or CENTRE. */
    @Variable(readByModel = true) public static final String REPAIR_SITE = "repairSite";
    @Variable public static final String SUPPLIER_ORDER_REFERENCE = "supplierOrderReference";
    @Variable public static final String PART_EXPECTED_ON = "partExpectedOn";
    @Variable public static final String PART_RECEIVED = "partReceived";
    @Variable public static final String REPLACEMENT_SERIAL = "replacementSerial";
    @Variable public static final String REPLACEMENT_SHIPPING_REFERENCE = "replacementShippingReference";
    @Variable public static final String SHIPPING_REFERENCE = "shippingReference";
    @Variable public static final String LOANER_SERIAL = "loanerSerial";
    @Variable public static final String LOANER_LENT_AT = "loanerLentAt";
    /** Whether the merchant still has a loaner terminal: false from the report, true once lent, false once back. */
    @Variable(readByModel = true) public static final String LOANER_OUT = "loanerOut";
    /** Whether the repair centre holds the merchant's terminal (received, not yet returned or replaced). */
    @Variable public static final String TERMINAL_AT_CENTRE = "terminalAtCentre";
    @Variable public static final String LOANER_RETURNED = "loanerReturned";
    @Variable(readByModel = true) public static final String LOANER_REMINDER_CYCLE = "loanerReminderCycle";
    @Variable(readByModel = true) public static final String LOANER_OVERDUE_AT = "loanerOverdueAt";
    @Variable(readByModel = true) public static final String LOANER_ESCALATION_AT = "loanerEscalationAt";
    @Variable public static final String LOANER_CHASE_NOTES = "loanerChaseNotes";
    /** A manager's decision on a loaner still out: KEEP_CHASING or WRITE_OFF. */
    @Variable(readByModel = true) public static final String LOANER_DECISION = "loanerDecision";
    @Variable public static final String LOANER_DECISION_NOTES = "loanerDecisionNotes";
    @Variable public static final String RETURN_SHIPPING_REFERENCE = "returnShippingReference";
    @Variable public static final String MANAGER_DECISION = "managerDecision";
    @Variable public static final String MAINTENANCE_INCLUDED = "maintenanceIncluded";

    // 4 System upgrade
    @Variable public static final String LATEST_SOFTWARE_VERSION = "latestSoftwareVersion";
    @Variable(readByModel = true) public static final String UPGRADE_NEEDED = "upgradeNeeded";
    @Variable(readByModel = true) public static final String UPGRADE_WINDOW_START = "upgradeWindowStart";
    @Variable(readByModel = true) public static final String UPGRADE_WINDOW_END = "upgradeWindowEnd";
    @Variable public static final String INSTALLED_VERSION = "installedVersion";
    @Variable public static final String UPGRADE_NOTES = "upgradeNotes";
    @Variable public static final String UPGRADED_AT = "upgradedAt";

    // 5 Feedback and evaluation
    @Variable(readByModel = true) public static final String SURVEY_EXPIRES_AT = "surveyExpiresAt";
    @Variable public static final String SURVEY_SCORE = "surveyScore";
    @Variable public static final String SURVEY_COMMENT = "surveyComment";
    @Variable(readByModel = true) public static final String LOW_SCORE = "lowScore";
    @Variable public static final String FOLLOW_UP_NOTES = "followUpNotes";

    // Cancellation
    /** The ticket to cancel (the start form of TicketCancellation). */
    @Variable public static final String CANCEL_TICKET_NUMBER = "cancelTicketNumber";
    @Variable public static final String CANCEL_REASON = "cancelReason";
    /** Whether a cancelled ticket leaves a loaner with the merchant or the merchant's terminal at the centre. */
    @Variable(readByModel = true) public static final String TERMINALS_TO_SETTLE = "terminalsToSettle";
    @Variable public static final String SETTLEMENT_NOTES = "settlementNotes";
    /** The input parameter of {@code ${recordSlaEvent}}: which service-level event to record. */
    @Variable public static final String SLA_EVENT = "slaEvent";

    // ---------------------------------------------------------------------------------------- hooks

    /** Where a model may call a hook. */
    public enum HookKind {
        /** {@code camunda:delegateExpression} of a service task (a JavaDelegate). */
        SERVICE_TASK,
        /** {@code camunda:delegateExpression} of a {@code camunda:taskListener}. */
        TASK_LISTENER,
        /** {@code camunda:delegateExpression} of a {@code camunda:executionListener}. */
        EXECUTION_LISTENER
    }

    /**
     * A delegate or listener of the project that a model may call: the exact expression, where it may
     * stand, the elements of the project's models that must call it, the form fields it reads (a task
     * listener from the task's form, a service task from its process's start form), and the input
     * parameters it reads.
     */
    public record Hook(String expression, HookKind kind, List<String> at, List<String> formFields, List<String> inputs) {
    }

    /** The deployment guard's allow-list: the only delegate and listener expressions a model may hold. */
    public static final List<Hook> HOOKS = List.of(
            execution("${stageTracker}", List.of(EVENT_DIAGNOSIS_STAGE, SUB_PROCESS_REPAIR, EVENT_SYSTEM_UPGRADE_STAGE,
                    EVENT_FEEDBACK_STAGE)),
            service("${registerTicket}", "Task_RegisterTicket", REPORT_CHANNEL, MERCHANT_ID, CONTACT_PHONE, TERMINAL_SERIAL,
                    FAULT_CATEGORY, PAYMENTS_BLOCKED, FAULT_DESCRIPTION),
            service("${diagnoseFault}", "Task_DiagnoseFault"),
            task("${confirmDiagnosis}", List.of(TASK_CONFIRM_DIAGNOSIS),
                    SEVERITY, REPAIR_CHANNEL, DIAGNOSIS_NOTES, MERCHANT_CAUSED_DAMAGE),
            new Hook("${recordSlaEvent}", HookKind.SERVICE_TASK, List.of("Task_WarnResponseSlaAtRisk", "Task_RecordRepairOverdue"),
                    List.of(), List.of(SLA_EVENT)),
            service("${escalateResponse}", "Task_EscalateResponseSla"),
            task("${recordRemoteSupport}", List.of(TASK_REMOTE_SUPPORT), REMOTE_MEDIUM, REMOTE_SESSION_NOTES, REMOTE_RESOLVED,
                    UPGRADE_NOW),
            task("${scheduleVisit}", List.of(TASK_SCHEDULE_VISIT), VISIT_APPOINTMENT, VISIT_ADDRESS, MERCHANT_UNREACHABLE,
                    CONTACT_ATTEMPTS),
            task("${slaPause.merchantReached()}", List.of(TASK_REACH_MERCHANT), MERCHANT_REACHED_NOTES),
            task("${recordRepair}", List.of(TASK_REPAIR_ON_SITE, TASK_REPAIR_AT_CENTRE),
                    REPAIR_OUTCOME, REPAIR_REPORT, PARTS_REPLACED, PART_NEEDED),
            task("${slaPause.visitPostponed()}", List.of(TASK_REPAIR_ON_SITE), REPAIR_OUTCOME, POSTPONED_UNTIL, POSTPONE_REASON),
            task("${slaPause.terminalAwaited()}", List.of(TASK_RECEIVE_TERMINAL)),
            task("${slaPause.terminalReceived()}", List.of(TASK_RECEIVE_TERMINAL)),
            task("${slaPause.decided()}", List.of(TASK_APPROVE_SLA_PAUSE), SLA_PAUSE_APPROVED, SLA_PAUSE_DECISION_NOTES),
            service("${checkCalendarCoverage}", "Task_CheckCalendarCoverage"),
            task("${holidayNoticeEntered}", List.of(TASK_ENTER_HOLIDAY_NOTICE)),
            task("${orderPart}", List.of(TASK_ORDER_PART), SUPPLIER_ORDER_REFERENCE, PART_EXPECTED_ON),
            task("${receivePart}", List.of(TASK_RECEIVE_PART), PART_RECEIVED),
            task("${replaceTerminal}", List.of(TASK_REPLACE_TERMINAL), REPLACEMENT_SERIAL, REPLACEMENT_SHIPPING_REFERENCE),
            task("${loaner.lent()}", List.of(TASK_RECEIVE_TERMINAL), SHIPPING_REFERENCE, LOANER_SERIAL),
            task("${loaner.terminalReturned()}", List.of(TASK_RETURN_TERMINAL), RETURN_SHIPPING_REFERENCE, LOANER_RETURNED),
            task("${loaner.returned()}", List.of("Task_ReceiveLoaner"), LOANER_RETURNED),
            task("${loaner.chased()}", List.of("Task_ChaseLoaner"), LOANER_CHASE_NOTES),
            task("${loaner.decided()}", List.of("Task_DecideUnreturnedLoaner"), LOANER_DECISION, LOANER_DECISION_NOTES),
            task("${loaner.settled()}", List.of("Task_SettleCancelledRepair"), RETURN_SHIPPING_REFERENCE, LOANER_RETURNED,
                    SETTLEMENT_NOTES),
            service("${remindLoanerReturn}", "Task_RemindLoanerReturn"),
            service("${billParts}", "Task_BillParts"),
            service("${notifyMerchantOfDelay}", "Task_NotifyMerchantOfDelay"),
            service("${checkSoftwareVersion}", "Task_CheckSoftwareVersion"),
            task("${recordUpgrade}", List.of("Task_UpgradeTerminal"), INSTALLED_VERSION, UPGRADE_NOTES),
            service("${sendSurvey}", "Task_SendSurvey"),
            task("${answerSurvey}", List.of(TASK_ANSWER_SURVEY), SURVEY_SCORE, SURVEY_COMMENT),
            new Hook("${recordEvaluation}", HookKind.SERVICE_TASK, List.of("Task_RecordEvaluation", "Task_CloseSurveyUnanswered"),
                    List.of(), List.of()),
            service("${closeTicket}", "Task_CloseTicket"),
            service("${cancelTicket}", "Task_CloseCancelledTicket"),
            service("${requestCancellation}", "Task_RequestCancellation", CANCEL_TICKET_NUMBER, CANCEL_REASON));

    /** The hook with this expression, if the project has it. */
    public static Optional<Hook> hook(String expression) {
        return HOOKS.stream().filter(hook -> hook.expression().equals(expression)).findFirst();
    }

    private static Hook service(String expression, String at, String... startFormFields) {
        return new Hook(expression, HookKind.SERVICE_TASK, List.of(at), List.of(startFormFields), List.of());
    }

    private static Hook task(String expression, List<String> at, String... formFields) {
        return new Hook(expression, HookKind.TASK_LISTENER, at, List.of(formFields), List.of());
    }

    private static Hook execution(String expression, List<String> at) {
        return new Hook(expression, HookKind.EXECUTION_LISTENER, at, List.of(), List.of());
    }

    private ModelContract() {
    }
}
