package org.posmaintenance.intake;

/** What the merchant says is wrong; the triage rules turn it into a severity. */
public enum FaultCategory {
    PRINTER, CARD_READER, NETWORK, DISPLAY_KEYPAD, POWER, TERMINAL_DOWN, SYSTEM_CRASH, HARDWARE_DAMAGE, OTHER
}
