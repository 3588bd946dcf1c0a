package org.posmaintenance.sla;

/**
 * The service-level state of a ticket, kept in its variable {@code slaState} so that Cockpit shows
 * it and Tasklist filters can select on it. {@link SlaStateTracker} moves it along.
 */
public enum SlaState {

    /** No deadline passed and no warning recorded: from the diagnosis stage until the repair stage is done. */
    ON_TRACK,

    /** The first-response warning ({@code pos.sla.warning-at-percent} of the target) passed without a response. */
    AT_RISK,

    /**
     * A deadline passed before its step was done: the first response, or the resolution target of the
     * repair stage. It stays so until the repair stage is done.
     */
    BREACHED,

    /** The repair stage is done; the first response and the resolution were both on time. */
    MET,

    /** The repair stage is done; the first response or the resolution was late. */
    MISSED
}
