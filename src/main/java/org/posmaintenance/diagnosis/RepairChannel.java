package org.posmaintenance.diagnosis;

/** Ways to repair a terminal. */
public enum RepairChannel {
    /** Remote technical support by video or phone call. */
    REMOTE,
    /** A technician visits the merchant. */
    ON_SITE,
    /** The merchant sends the terminal to the repair centre and gets a loaner meanwhile. */
    MAIL_IN
}
