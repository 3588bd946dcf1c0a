package org.posmaintenance.billing;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The itemised bill of a repair (amounts as decimal strings in JSON), kept in the ticket's record
 * ({@link BillRecords}) with the version of the price list it used.
 */
public record Bill(String currency, boolean warrantyCovered, List<Line> lines,
                   @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total, String priceListVersion) {

    /** Why a line costs what it costs. */
    public enum Basis { CHARGED, WARRANTY, INCLUDED_IN_RENTAL }

    /** What a line is for. */
    public enum Kind { PART, SERVICE }

    /** One line of the bill. */
    public record Line(Kind kind, String code, String description, int quantity,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, Basis basis) {
    }
}
