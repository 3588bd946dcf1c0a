package org.posmaintenance.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.posmaintenance.diagnosis.RepairChannel;
import org.springframework.stereotype.Service;

/**
 * Prices a repair: the decision table {@code WarrantyCoverage} says who pays for the parts and for the
 * work (by default: within the warranty period and not caused by the merchant everything is free;
 * otherwise parts are charged from the price list, and the work too unless the rental contract
 * includes maintenance).
 */
@Service
public class PartsBilling {

    private final PriceList priceList;
    private final WarrantyCoverage coverage;

    public PartsBilling(PriceList priceList, WarrantyCoverage coverage) {
        this.priceList = priceList;
        this.coverage = coverage;
    }

    public Bill bill(Repair repair) {
        PriceList.Prices prices = priceList.load();
        Bill.Basis partsBasis = coverage.basis(Bill.Kind.PART, repair);
        Bill.Basis workBasis = coverage.basis(Bill.Kind.SERVICE, repair);
        List<Bill.Line> lines = new ArrayList<>();
        Map<String, Long> partCounts = repair.parts().stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        partCounts.forEach((code, count) -> {
            PriceList.Item item = prices.part(code);
            lines.add(line(Bill.Kind.PART, code, item, count.intValue(), partsBasis));
        });
        for (RepairChannel channel : repair.channels().stream().sorted().toList()) {
            PriceList.Item item = prices.service(channel.name());
            lines.add(line(Bill.Kind.SERVICE, channel.name(), item, 1, workBasis));
        }
        BigDecimal total = lines.stream().map(Bill.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Bill(prices.currency(), partsBasis == Bill.Basis.WARRANTY, List.copyOf(lines), total, prices.version());
    }

    private static Bill.Line line(Bill.Kind kind, String code, PriceList.Item item, int quantity, Bill.Basis basis) {
        BigDecimal amount = basis == Bill.Basis.CHARGED
                ? item.price().multiply(BigDecimal.valueOf(quantity))
                : BigDecimal.ZERO.setScale(item.price().scale());
        return new Bill.Line(kind, code, item.name(), quantity, item.price(), amount, basis);
    }

    /** What was done: the parts replaced and the ways the terminal was worked on. */
    public record Repair(Collection<String> parts, Collection<RepairChannel> channels, boolean inWarrantyPeriod,
                         boolean merchantCausedDamage, boolean maintenanceIncluded) {
    }
}
