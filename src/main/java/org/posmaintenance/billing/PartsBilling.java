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
 * Prices a repair: within the warranty period and not caused by the merchant everything is free;
 * otherwise the replaced parts are charged from the price list, and the repair work too unless the
 * rental contract includes maintenance.
 */
@Service
public class PartsBilling {

    private final PriceList priceList;

    public PartsBilling(PriceList priceList) {
        this.priceList = priceList;
    }

    public Bill bill(Repair repair) {
        PriceList.Prices prices = priceList.load();
        boolean covered = repair.inWarrantyPeriod() && !repair.merchantCausedDamage();
        List<Bill.Line> lines = new ArrayList<>();
        Map<String, Long> partCounts = repair.parts().stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        partCounts.forEach((code, count) -> {
            PriceList.Item item = prices.part(code);
            lines.add(line(Bill.Kind.PART, code, item, count.intValue(), covered ? Bill.Basis.WARRANTY : Bill.Basis.CHARGED));
        });
        for (RepairChannel channel : repair.channels().stream().sorted().toList()) {
            PriceList.Item item = prices.service(channel.name());
            Bill.Basis basis = covered ? Bill.Basis.WARRANTY
                    : repair.maintenanceIncluded() ? Bill.Basis.INCLUDED_IN_RENTAL : Bill.Basis.CHARGED;
            lines.add(line(Bill.Kind.SERVICE, channel.name(), item, 1, basis));
        }
        BigDecimal total = lines.stream().map(Bill.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Bill(prices.currency(), covered, List.copyOf(lines), total);
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
