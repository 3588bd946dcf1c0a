package org.posmaintenance.diagnosis;

/** Fault classes of the published service levels. */
public enum Severity {
    /** Printer jams, card reader errors, network settings. */
    NORMAL,
    /** The terminal is down at a merchant who cannot take payments. */
    URGENT,
    /** System crash, hardware damage. */
    MAJOR
}
