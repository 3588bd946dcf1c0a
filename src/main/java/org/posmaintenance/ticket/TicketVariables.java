package org.posmaintenance.ticket;

/**
 * Names of the process variables of a maintenance ticket, in the order the stages set them.
 * The BPMN model and the forms in {@code forms/} use the same names.
 */
public final class TicketVariables {

    public static final String PROCESS_ID = "PosTerminalMaintenance";

    // 1 Fault report: from the start form, the merchant API or the REST start call
    public static final String REPORT_CHANNEL = "reportChannel";
    public static final String MERCHANT_ID = "merchantId";
    public static final String CONTACT_PHONE = "contactPhone";
    public static final String TERMINAL_SERIAL = "terminalSerial";
    public static final String FAULT_CATEGORY = "faultCategory";
    public static final String PAYMENTS_BLOCKED = "paymentsBlocked";
    public static final String FAULT_DESCRIPTION = "faultDescription";
    // set when the ticket is registered, from the merchant and terminal records
    public static final String MERCHANT_NAME = "merchantName";
    public static final String TERMINAL_MODEL = "terminalModel";
    public static final String SOFTWARE_VERSION = "softwareVersion";
    public static final String TICKET_NUMBER = "ticketNumber";
    public static final String REPORTED_AT = "reportedAt";
    public static final String STAGE = "stage";
    public static final String NOTIFICATIONS = "notifications";
    public static final String SLA_EVENTS = "slaEvents";
    /** The service-level state, {@code sla.SlaState}: ON_TRACK, AT_RISK, BREACHED, then MET or MISSED. */
    public static final String SLA_STATE = "slaState";

    // 2 Diagnosis
    public static final String PROPOSED_SEVERITY = "proposedSeverity";
    public static final String PROPOSED_REPAIR_CHANNEL = "proposedRepairChannel";
    public static final String SEVERITY = "severity";
    public static final String REPAIR_CHANNEL = "repairChannel";
    public static final String WARRANTY_UNTIL = "warrantyUntil";
    public static final String WARRANTY_IN_PERIOD = "warrantyInPeriod";
    public static final String TASK_PRIORITY = "taskPriority";
    public static final String RESPONSE_WARNING_AT = "responseWarningAt";
    public static final String RESPONSE_DUE = "responseDue";
    public static final String MERCHANT_CAUSED_DAMAGE = "merchantCausedDamage";
    public static final String DIAGNOSIS_NOTES = "diagnosisNotes";
    public static final String FIRST_RESPONSE_AT = "firstResponseAt";
    public static final String RESPONSE_SLA_MET = "responseSlaMet";

    // 3 Repair and parts billing
    public static final String RESOLUTION_DUE = "resolutionDue";
    public static final String RESOLUTION_EXTENDED_DUE = "resolutionExtendedDue";
    public static final String REMOTE_MEDIUM = "remoteMedium";
    public static final String REMOTE_SESSION_NOTES = "remoteSessionNotes";
    public static final String REMOTE_RESOLVED = "remoteResolved";
    public static final String VISIT_APPOINTMENT = "visitAppointment";
    public static final String VISIT_AT = "visitAt";
    public static final String VISIT_ADDRESS = "visitAddress";
    public static final String REPAIR_REPORT = "repairReport";
    public static final String PARTS_REPLACED = "partsReplaced";
    public static final String SHIPPING_REFERENCE = "shippingReference";
    public static final String LOANER_SERIAL = "loanerSerial";
    public static final String LOANER_LENT_AT = "loanerLentAt";
    public static final String LOANER_RETURNED = "loanerReturned";
    public static final String LOANER_RETURNED_AT = "loanerReturnedAt";
    public static final String LOANER_REMINDER_CYCLE = "loanerReminderCycle";
    public static final String RETURN_SHIPPING_REFERENCE = "returnShippingReference";
    public static final String RESOLUTION_ETA = "resolutionEta";
    public static final String MANAGER_DECISION = "managerDecision";
    public static final String REPAIRED_AT = "repairedAt";
    public static final String MAINTENANCE_INCLUDED = "maintenanceIncluded";
    public static final String WARRANTY_COVERED = "warrantyCovered";
    public static final String BILL = "bill";
    public static final String BILL_TOTAL = "billTotal";

    // 4 System upgrade
    public static final String LATEST_SOFTWARE_VERSION = "latestSoftwareVersion";
    public static final String UPGRADE_NEEDED = "upgradeNeeded";
    public static final String UPGRADE_WINDOW_START = "upgradeWindowStart";
    public static final String UPGRADE_WINDOW_END = "upgradeWindowEnd";
    public static final String INSTALLED_VERSION = "installedVersion";
    public static final String UPGRADE_NOTES = "upgradeNotes";
    public static final String UPGRADED_AT = "upgradedAt";

    // 5 Feedback and evaluation
    public static final String SURVEY_EXPIRES_AT = "surveyExpiresAt";
    public static final String SURVEY_SCORE = "surveyScore";
    public static final String SURVEY_COMMENT = "surveyComment";
    public static final String SURVEY_ANSWERED = "surveyAnswered";
    public static final String LOW_SCORE = "lowScore";
    public static final String EVALUATION = "evaluation";
    public static final String FOLLOW_UP_NOTES = "followUpNotes";
    public static final String CLOSED_AT = "closedAt";

    private TicketVariables() {
    }
}
