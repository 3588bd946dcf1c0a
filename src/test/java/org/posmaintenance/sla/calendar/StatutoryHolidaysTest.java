package org.posmaintenance.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The statutory holidays against the dates published in almanacs and in the State Council's notices. */
class StatutoryHolidaysTest {

    @ParameterizedTest(name = "{0}: Spring Festival {1}, Qingming {2}, Dragon Boat {3}, Mid-Autumn {4}")
    @CsvSource({
            "2025, 2025-01-29, 2025-04-04, 2025-05-31, 2025-10-06",
            "2026, 2026-02-17, 2026-04-05, 2026-06-19, 2026-09-25",
            "2027, 2027-02-06, 2027-04-05, 2027-06-09, 2027-09-15",
            "2028, 2028-01-26, 2028-04-04, 2028-05-28, 2028-10-03",
            "2029, 2029-02-13, 2029-04-04, 2029-06-16, 2029-09-22",
            "2030, 2030-02-03, 2030-04-05, 2030-06-05, 2030-09-12",
    })
    void lunarFestivalsAndQingmingFallOnThePublishedDates(int year, LocalDate springFestival, LocalDate qingming,
                                                          LocalDate dragonBoat, LocalDate midAutumn) {
        assertThat(StatutoryHolidays.lunar(year, 1, 1)).isEqualTo(springFestival);
        assertThat(StatutoryHolidays.qingming(year)).isEqualTo(qingming);
        assertThat(StatutoryHolidays.lunar(year, 5, 5)).isEqualTo(dragonBoat);
        assertThat(StatutoryHolidays.lunar(year, 8, 15)).isEqualTo(midAutumn);
    }

    @Test
    void year2027HasTheStatutoryDaysAndGivesBackThoseOnAWeekend() {
        List<LocalDate> days = StatutoryHolidays.of(2027).stream().map(StatutoryHolidays.Holiday::date).toList();

        assertThat(days).containsExactly(
                LocalDate.parse("2027-01-01"),                                 // Friday
                LocalDate.parse("2027-02-05"), LocalDate.parse("2027-02-06"),  // eve Friday, Saturday
                LocalDate.parse("2027-02-07"), LocalDate.parse("2027-02-08"),  // Sunday, Monday
                LocalDate.parse("2027-02-09"), LocalDate.parse("2027-02-10"),  // in lieu of Saturday and Sunday
                LocalDate.parse("2027-04-05"),                                 // Qingming, Monday
                LocalDate.parse("2027-05-01"), LocalDate.parse("2027-05-02"),  // Saturday, Sunday
                LocalDate.parse("2027-05-03"), LocalDate.parse("2027-05-04"),  // in lieu
                LocalDate.parse("2027-06-09"),                                 // Dragon Boat, Wednesday
                LocalDate.parse("2027-09-15"),                                 // Mid-Autumn, Wednesday
                LocalDate.parse("2027-10-01"), LocalDate.parse("2027-10-02"),  // Friday, Saturday
                LocalDate.parse("2027-10-03"),                                 // Sunday
                LocalDate.parse("2027-10-04"), LocalDate.parse("2027-10-05")); // in lieu
        assertThat(StatutoryHolidays.of(2027).get(0).name()).contains("元旦");
        assertThat(StatutoryHolidays.of(2027).get(5).name()).contains("春节").contains("in lieu");
    }

    @Test
    void aFestivalOnAnothersDayIsListedOnce() {
        // 2028: Mid-Autumn falls on 3 October, a day of National Day; 1 October (Sunday) is given back on 4 October
        List<LocalDate> days = StatutoryHolidays.of(2028).stream().map(StatutoryHolidays.Holiday::date).toList();
        assertThat(days).doesNotHaveDuplicates().contains(LocalDate.parse("2028-10-03"), LocalDate.parse("2028-10-04"));
    }

    @Test
    void yearsUnderOtherRegulationsAreRefused() {
        assertThatThrownBy(() -> StatutoryHolidays.of(2024)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024");
    }
}
