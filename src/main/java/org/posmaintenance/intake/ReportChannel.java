package org.posmaintenance.intake;

/** How the merchant reported the fault. */
public enum ReportChannel { HOTLINE, ONLINE }
