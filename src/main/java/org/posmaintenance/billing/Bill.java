package org.posmaintenance.billing;

import java.math.BigDecimal;
import java.util.List;

/** The itemised bill of a repair, kept with the ticket as JSON. */
public record Bill(String currency, boolean warrantyCovered, List<Line> lines, BigDecimal total) {

    /** Why a line costs what it costs. */
    public enum Basis { CHARGED, WARRANTY, INCLUDED_IN_RENTAL }

    /** What a line is for. */
    public enum Kind { PART, SERVICE }

    /** One line of the bill. */
    public record Line(Kind kind, String code, String description, int quantity,
                       BigDecimal unitPrice, BigDecimal amount, Basis basis) {
    }
}
