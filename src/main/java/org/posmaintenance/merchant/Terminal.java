package org.posmaintenance.merchant;

import java.time.LocalDate;

/**
 * A POS terminal at a merchant, with its warranty and contract.
 *
 * @param replacedBy the serial of the terminal that replaced this one (beyond repair), or null while in use
 */
public record Terminal(String serial, String merchantId, String model, String softwareVersion,
                       LocalDate installedOn, LocalDate warrantyUntil, Contract contract, String replacedBy) {

    /** How the merchant holds the terminal. */
    public enum Contract {
        /** Rented; regular maintenance and repair work are included in the rental fee. */
        RENTAL_WITH_MAINTENANCE,
        /** Rented without maintenance: repair work is charged. */
        RENTAL,
        /** Bought: repair work is charged outside the warranty. */
        PURCHASE;

        public boolean maintenanceIncluded() {
            return this == RENTAL_WITH_MAINTENANCE;
        }
    }

    /** Within the free warranty period on this day. */
    public boolean inWarrantyOn(LocalDate day) {
        return !day.isAfter(warrantyUntil);
    }
}
