package org.posmaintenance.report;

import java.time.Instant;

import org.posmaintenance.billing.Bill;

/**
 * What a report needs to know of one ticket, read from the ticket's records in the application's tables. Any
 * value may be null while the ticket has not got that far.
 *
 * @param endedAt           when the ticket's process ended (closed or cancelled), null while it runs
 * @param closed            whether it ended by closing (outcome CLOSED in the ticket table), not cancelled or deleted
 * @param severity          the confirmed severity, or the proposed one before the first response
 * @param repairChannel     the confirmed repair channel, or the proposed one before the first response
 * @param repairStageDoneAt when the repair stage completed (repaired, a mail-in terminal back, billed)
 * @param responder         who completed the diagnosis task (the first response)
 * @param repairer          who recorded the last repair work (remote support, on site, at the centre, a replacement)
 * @param surveySent        whether the survey was sent
 * @param surveyAnswered    false once the survey closed unanswered; true once the merchant answered it
 * @param bill              the bill, once the repair is billed
 */
public record TicketFacts(String ticketNumber, Instant reportedAt,
                          Instant endedAt, boolean closed,
                          String severity, String repairChannel,
                          Instant responseDue, Instant firstResponseAt, Boolean responseSlaMet,
                          Instant resolutionDue, Instant repairStageDoneAt,
                          String responder, String repairer,
                          boolean surveySent, Integer surveyScore, Boolean surveyAnswered,
                          String loanerSerial, Instant loanerLentAt, Instant loanerReturnedAt,
                          Bill bill) {

    /** How a ticket stands against one service-level deadline. */
    public enum Outcome {
        /** Done by the deadline. */
        MET,
        /** Done after the deadline, or the deadline passed while the ticket was open. */
        MISSED,
        /** Not done, the deadline (if known yet) not passed, the ticket open. */
        OPEN,
        /** Not measured: the ticket was cancelled before the step and before its deadline. */
        NONE
    }

    public boolean running() {
        return endedAt == null;
    }

    public boolean cancelled() {
        return endedAt != null && !closed;
    }

    /** The first response against {@code responseDue}. */
    public Outcome response(Instant now) {
        if (firstResponseAt != null) {
            boolean met = responseSlaMet != null ? responseSlaMet
                    : responseDue == null || !firstResponseAt.isAfter(responseDue);
            return met ? Outcome.MET : Outcome.MISSED;
        }
        return notDone(responseDue, now);
    }

    /** The repair stage against {@code resolutionDue}, as the process's resolution timers measure it. */
    public Outcome resolution(Instant now) {
        if (repairStageDoneAt != null) {
            return resolutionDue == null || !repairStageDoneAt.isAfter(resolutionDue) ? Outcome.MET : Outcome.MISSED;
        }
        return notDone(resolutionDue, now);
    }

    private Outcome notDone(Instant due, Instant now) {
        Instant until = running() ? now : endedAt;
        if (due != null && due.isBefore(until)) {
            return Outcome.MISSED;
        }
        return running() ? Outcome.OPEN : Outcome.NONE;
    }
}
