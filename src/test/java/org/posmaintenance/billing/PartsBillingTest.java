package org.posmaintenance.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.posmaintenance.diagnosis.RepairChannel;
import org.springframework.core.io.DefaultResourceLoader;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Pricing a repair from the shipped price list. */
class PartsBillingTest {

    final PartsBilling billing = new PartsBilling(priceList("classpath:billing/price-list.json"), WarrantyCoverageRulesTest.COVERAGE);

    @Test
    void withinWarrantyAndNotTheMerchantsFaultEverythingIsFree() {
        Bill bill = billing.bill(new PartsBilling.Repair(List.of("MAINBOARD"), Set.of(RepairChannel.MAIL_IN), true, false, false));

        assertThat(bill.warrantyCovered()).isTrue();
        assertThat(bill.lines()).extracting(Bill.Line::basis).containsOnly(Bill.Basis.WARRANTY);
        assertThat(bill.lines()).extracting(Bill.Line::unitPrice).containsExactly(new BigDecimal("680.00"), new BigDecimal("80.00"));
        assertThat(bill.total()).isEqualByComparingTo("0");
    }

    @Test
    void damageTheMerchantCausedIsChargedEvenWithinWarranty() {
        Bill bill = billing.bill(new PartsBilling.Repair(List.of("KEYPAD"), Set.of(RepairChannel.ON_SITE), true, true, false));

        assertThat(bill.warrantyCovered()).isFalse();
        assertThat(bill.total()).isEqualByComparingTo("190.00");
    }

    @Test
    void outOfWarrantyPartsAreChargedAndRentalMaintenanceCoversTheWork() {
        Bill bill = billing.bill(new PartsBilling.Repair(List.of("BATTERY", "BATTERY", "POWER_ADAPTER"),
                Set.of(RepairChannel.REMOTE, RepairChannel.ON_SITE), false, false, true));

        assertThat(bill.lines()).extracting(line -> line.code() + " x" + line.quantity() + " = " + line.amount() + " " + line.basis())
                .containsExactly("BATTERY x2 = 220.00 CHARGED", "POWER_ADAPTER x1 = 45.00 CHARGED",
                        "REMOTE x1 = 0.00 INCLUDED_IN_RENTAL", "ON_SITE x1 = 0.00 INCLUDED_IN_RENTAL");
        assertThat(bill.total()).isEqualByComparingTo("265.00");
        assertThat(bill.currency()).isEqualTo("CNY");
    }

    @Test
    void outOfWarrantyWithoutMaintenanceTheWorkIsChargedToo() {
        Bill bill = billing.bill(new PartsBilling.Repair(List.of(), Set.of(RepairChannel.ON_SITE), false, false, false));

        assertThat(bill.lines()).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(Bill.Kind.SERVICE);
            assertThat(line.amount()).isEqualByComparingTo("100.00");
        });
    }

    @Test
    void anUnknownPartOrAMissingPriceListFailsInsteadOfBillingNothing() {
        assertThatThrownBy(() -> billing.bill(new PartsBilling.Repair(List.of("WARP_CORE"), Set.of(), false, false, false)))
                .hasMessageContaining("WARP_CORE");
        PartsBilling withoutPriceList = new PartsBilling(priceList("file:/nonexistent/price-list.json"), WarrantyCoverageRulesTest.COVERAGE);
        assertThatThrownBy(() -> withoutPriceList.bill(new PartsBilling.Repair(List.of(), Set.of(), false, false, false)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("/nonexistent/price-list.json");
    }

    @Test
    void aCorrectedPriceListFileTakesEffectAtTheNextBill(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("price-list.json");
        String original = new String(new DefaultResourceLoader().getResource("classpath:billing/price-list.json")
                .getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(file, original);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-01T08:00:00Z")));
        PriceList prices = priceList(file.toUri().toString());
        assertThat(prices.load().part("PRINTER_HEAD").price()).isEqualByComparingTo("180.00");
        assertThat(prices.load().version()).isEqualTo("2026-12");

        // the same length, a later modification time: read again
        Files.writeString(file, original.replace("\"180.00\"", "\"190.00\""));
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-02T08:00:00Z")));
        assertThat(prices.load().part("PRINTER_HEAD").price()).isEqualByComparingTo("190.00");

        Files.delete(file);
        assertThatThrownBy(prices::load).isInstanceOf(UncheckedIOException.class).hasMessageContaining("price-list.json");
    }

    private static PriceList priceList(String location) {
        return new PriceList(new DefaultResourceLoader(), new ObjectMapper(), location);
    }
}
