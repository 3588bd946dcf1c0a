package org.posmaintenance.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Asia/Shanghai, 08:00-18:00, Monday to Friday; Fri 2026-11-27 to Mon 2026-11-30. Expected values by hand. */
class SlaClockTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ServiceHoursCalendar calendar = new ServiceHoursCalendar(SHANGHAI,
            LocalTime.of(8, 0), LocalTime.of(18, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(), Set.of());

    private static Instant sh(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void roundTheClockAddsElapsedTime() {
        assertThat(SlaClock.ROUND_THE_CLOCK.add(calendar, sh("2026-11-27T17:00"), Duration.ofHours(4)))
                .isEqualTo(sh("2026-11-27T21:00"));
        assertThat(SlaClock.ROUND_THE_CLOCK.add(null, sh("2026-11-27T17:00"), Duration.ofHours(72)))
                .isEqualTo(sh("2026-11-30T17:00"));
    }

    @Test
    void serviceHoursAddsOnlyOpenTime() {
        // 1h on Friday, 3h on Monday
        assertThat(SlaClock.SERVICE_HOURS.add(calendar, sh("2026-11-27T17:00"), Duration.ofHours(4)))
                .isEqualTo(sh("2026-11-30T11:00"));
    }

    @Test
    void roundTheClockMeasuresElapsedTime() {
        assertThat(SlaClock.ROUND_THE_CLOCK.between(calendar, sh("2026-11-27T17:00"), sh("2026-11-30T11:00")))
                .isEqualTo(Duration.ofHours(66));
        assertThat(SlaClock.ROUND_THE_CLOCK.between(null, sh("2026-11-27T17:00"), sh("2026-11-27T17:30")))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void serviceHoursMeasuresOnlyOpenTime() {
        assertThat(SlaClock.SERVICE_HOURS.between(calendar, sh("2026-11-27T17:00"), sh("2026-11-30T11:00")))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void bothClocksReturnZeroWhenToIsNotAfterFrom() {
        for (SlaClock clock : SlaClock.values()) {
            assertThat(clock.between(calendar, sh("2026-11-30T11:00"), sh("2026-11-27T17:00")))
                    .as(clock.name())
                    .isEqualTo(Duration.ZERO);
            assertThat(clock.between(calendar, sh("2026-11-27T10:00"), sh("2026-11-27T10:00")))
                    .as(clock.name())
                    .isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void serviceHoursRequiresACalendar() {
        assertThatThrownBy(() -> SlaClock.SERVICE_HOURS.add(null, sh("2026-11-27T17:00"), Duration.ofHours(1)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("ServiceHoursCalendar");
        assertThatThrownBy(() -> SlaClock.SERVICE_HOURS.between(null, sh("2026-11-27T17:00"), sh("2026-11-30T11:00")))
                .isInstanceOf(NullPointerException.class);
    }
}
