package org.posmaintenance.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Upgrade windows outside trading hours, in Shanghai time (UTC+8). */
class UpgradeWindowTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalTime NIGHT_START = LocalTime.of(22, 0);
    static final LocalTime NIGHT_END = LocalTime.of(6, 0);

    @Test
    void duringTheDayTheNextNightWindowIsChosen() {
        UpgradeWindow.Slot slot = UpgradeWindow.next(Instant.parse("2026-11-25T02:00:00Z"), SHANGHAI, null, NIGHT_START, NIGHT_END);
        assertThat(slot.start()).isEqualTo(Instant.parse("2026-11-25T14:00:00Z"));
        assertThat(slot.end()).isEqualTo(Instant.parse("2026-11-25T22:00:00Z"));
    }

    @Test
    void insideTheNightWindowTheUpgradeMayStartNow() {
        Instant twoAm = Instant.parse("2026-11-25T18:00:00Z"); // Thursday 02:00 Shanghai
        UpgradeWindow.Slot slot = UpgradeWindow.next(twoAm, SHANGHAI, null, NIGHT_START, NIGHT_END);
        assertThat(slot.start()).isEqualTo(twoAm);
        assertThat(slot.end()).isEqualTo(Instant.parse("2026-11-25T22:00:00Z"));
    }

    @Test
    void theMerchantsOpeningHoursDecide() {
        UpgradeWindow.Slot slot = UpgradeWindow.next(Instant.parse("2026-11-25T02:00:00Z"), SHANGHAI, "07:30-23:00",
                NIGHT_START, NIGHT_END);
        assertThat(slot.start()).isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
        assertThat(slot.end()).isEqualTo(Instant.parse("2026-11-25T23:30:00Z"));
    }

    @Test
    void aMerchantOpenPastMidnightIsUpgradedInTheDaytime() {
        UpgradeWindow.Slot slot = UpgradeWindow.next(Instant.parse("2026-11-25T02:00:00Z"), SHANGHAI, "18:00-02:00",
                NIGHT_START, NIGHT_END);
        assertThat(slot.start()).isEqualTo(Instant.parse("2026-11-25T02:00:00Z"));
        assertThat(slot.end()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void openingHoursThatLeaveNoTimeAreRejected() {
        assertThatThrownBy(() -> UpgradeWindow.next(Instant.now(), SHANGHAI, "00:00-00:00", NIGHT_START, NIGHT_END))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpgradeWindow.next(Instant.now(), SHANGHAI, "late", NIGHT_START, NIGHT_END))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
