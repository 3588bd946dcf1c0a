package org.posmaintenance.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calendar under test: Asia/Shanghai, 08:00-18:00, Monday to Friday, National Day week 2026-10-01..07 off,
 * make-up workdays Sunday 2026-09-27 and Saturday 2026-10-10. A workday holds 10 service hours.
 * All expected instants are worked out by hand.
 */
class ServiceHoursCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalTime OPENS = LocalTime.of(8, 0);
    private static final LocalTime CLOSES = LocalTime.of(18, 0);
    private static final Set<DayOfWeek> MON_TO_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private static final LocalDate NATIONAL_DAY_FIRST = LocalDate.of(2026, 10, 1);
    private static final LocalDate NATIONAL_DAY_LAST = LocalDate.of(2026, 10, 7);
    private static final LocalDate MAKE_UP_SUNDAY = LocalDate.of(2026, 9, 27);
    private static final LocalDate MAKE_UP_SATURDAY = LocalDate.of(2026, 10, 10);

    private final ServiceHoursCalendar calendar = new ServiceHoursCalendar(SHANGHAI, OPENS, CLOSES, MON_TO_FRI,
            NATIONAL_DAY_FIRST.datesUntil(NATIONAL_DAY_LAST.plusDays(1)).collect(Collectors.toSet()),
            Set.of(MAKE_UP_SUNDAY, MAKE_UP_SATURDAY));

    /** An instant given as Shanghai wall-clock time, e.g. {@code "2026-11-25T10:00"}. */
    private static Instant sh(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void calendarDatesHaveTheExpectedWeekdays() {
        assertThat(LocalDate.of(2026, 11, 25).getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(LocalDate.of(2026, 11, 27).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(LocalDate.of(2026, 11, 30).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(LocalDate.of(2026, 9, 30).getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(NATIONAL_DAY_FIRST.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(NATIONAL_DAY_LAST.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(LocalDate.of(2026, 10, 8).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(MAKE_UP_SUNDAY.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(MAKE_UP_SATURDAY.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(LocalDate.of(2026, 12, 4).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(LocalDate.of(2027, 3, 9).getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
    }

    @Nested
    class IsWorkday {

        @Test
        void regularWeekdaysAreWorkdaysAndWeekendsAreNot() {
            assertThat(calendar.isWorkday(LocalDate.of(2026, 11, 25))).isTrue();
            assertThat(calendar.isWorkday(LocalDate.of(2026, 11, 27))).isTrue();
            assertThat(calendar.isWorkday(LocalDate.of(2026, 11, 28))).isFalse();
            assertThat(calendar.isWorkday(LocalDate.of(2026, 11, 29))).isFalse();
        }

        @Test
        void holidayOnAWeekdayIsNotAWorkday() {
            assertThat(calendar.isWorkday(NATIONAL_DAY_FIRST)).isFalse();
            assertThat(calendar.isWorkday(LocalDate.of(2026, 10, 5))).isFalse();
            assertThat(calendar.isWorkday(NATIONAL_DAY_LAST)).isFalse();
            assertThat(calendar.isWorkday(LocalDate.of(2026, 10, 8))).isTrue();
        }

        @Test
        void makeUpDayOnAWeekendIsAWorkday() {
            assertThat(calendar.isWorkday(MAKE_UP_SUNDAY)).isTrue();
            assertThat(calendar.isWorkday(MAKE_UP_SATURDAY)).isTrue();
            assertThat(calendar.isWorkday(LocalDate.of(2026, 10, 11))).isFalse();
        }

        @Test
        void holidayWinsOverExtraWorkday() {
            LocalDate day = LocalDate.of(2026, 11, 28);
            ServiceHoursCalendar both = new ServiceHoursCalendar(SHANGHAI, OPENS, CLOSES, MON_TO_FRI,
                    Set.of(day), Set.of(day));
            assertThat(both.isWorkday(day)).isFalse();
        }
    }

    @Nested
    class IsWithinServiceHours {

        @Test
        void openingIsInclusiveAndClosingIsExclusive() {
            assertThat(calendar.isWithinServiceHours(sh("2026-11-25T07:59:59"))).isFalse();
            assertThat(calendar.isWithinServiceHours(sh("2026-11-25T08:00"))).isTrue();
            assertThat(calendar.isWithinServiceHours(sh("2026-11-25T17:59:59.999"))).isTrue();
            assertThat(calendar.isWithinServiceHours(sh("2026-11-25T18:00"))).isFalse();
        }

        @Test
        void usesTheCalendarZoneNotUtc() {
            assertThat(calendar.isWithinServiceHours(Instant.parse("2026-11-25T00:00:00Z"))).isTrue();
            assertThat(calendar.isWithinServiceHours(Instant.parse("2026-11-24T23:59:59Z"))).isFalse();
            assertThat(calendar.isWithinServiceHours(Instant.parse("2026-11-25T09:59:59Z"))).isTrue();
            assertThat(calendar.isWithinServiceHours(Instant.parse("2026-11-25T10:00:00Z"))).isFalse();
        }

        @Test
        void closedOnWeekendsAndHolidaysButOpenOnMakeUpDays() {
            assertThat(calendar.isWithinServiceHours(sh("2026-11-28T10:00"))).isFalse();
            assertThat(calendar.isWithinServiceHours(sh("2026-10-01T10:00"))).isFalse();
            assertThat(calendar.isWithinServiceHours(sh("2026-09-27T10:00"))).isTrue();
            assertThat(calendar.isWithinServiceHours(sh("2026-10-10T10:00"))).isTrue();
        }
    }

    @Nested
    class NextServiceStart {

        @Test
        void insideHoursReturnsTheSameInstant() {
            assertThat(calendar.nextServiceStart(sh("2026-11-25T10:15:30"))).isEqualTo(sh("2026-11-25T10:15:30"));
            assertThat(calendar.nextServiceStart(sh("2026-11-25T08:00"))).isEqualTo(sh("2026-11-25T08:00"));
        }

        @Test
        void beforeOpeningRollsToOpeningTheSameDay() {
            assertThat(calendar.nextServiceStart(sh("2026-11-25T07:00"))).isEqualTo(sh("2026-11-25T08:00"));
        }

        @Test
        void atClosingRollsToNextMorning() {
            assertThat(calendar.nextServiceStart(sh("2026-11-25T18:00"))).isEqualTo(sh("2026-11-26T08:00"));
        }

        @Test
        void fridayEveningRollsToMonday() {
            assertThat(calendar.nextServiceStart(sh("2026-11-27T20:00"))).isEqualTo(sh("2026-11-30T08:00"));
        }

        @Test
        void skipsHolidayWeekAndStopsOnMakeUpSaturday() {
            assertThat(calendar.nextServiceStart(sh("2026-09-30T18:30"))).isEqualTo(sh("2026-10-08T08:00"));
            assertThat(calendar.nextServiceStart(sh("2026-10-09T19:00"))).isEqualTo(sh("2026-10-10T08:00"));
        }
    }

    @Nested
    class AddServiceTime {

        @Test
        void reportInsideHoursOnAWorkday() {
            assertThat(calendar.addServiceTime(sh("2026-11-25T10:00"), Duration.ofHours(4)))
                    .isEqualTo(sh("2026-11-25T14:00"));
        }

        @Test
        void remainderCarriesOverToNextMorning() {
            // 8h on Wednesday, 2h on Thursday
            assertThat(calendar.addServiceTime(sh("2026-11-25T10:00"), Duration.ofHours(10)))
                    .isEqualTo(sh("2026-11-26T10:00"));
        }

        @Test
        void eveningReportRollsToNextMorning() {
            assertThat(calendar.addServiceTime(sh("2026-11-25T19:30"), Duration.ofHours(2)))
                    .isEqualTo(sh("2026-11-26T10:00"));
        }

        @Test
        void fridayEveningReportRollsToMonday() {
            assertThat(calendar.addServiceTime(sh("2026-11-27T20:00"), Duration.ofHours(3)))
                    .isEqualTo(sh("2026-11-30T11:00"));
        }

        @Test
        void fridayAfternoonReportContinuesOnMonday() {
            // 2h on Friday, 2h on Monday
            assertThat(calendar.addServiceTime(sh("2026-11-27T16:00"), Duration.ofHours(4)))
                    .isEqualTo(sh("2026-11-30T10:00"));
        }

        @Test
        void acrossMidnight() {
            assertThat(calendar.addServiceTime(sh("2026-11-25T23:30"), Duration.ofHours(1)))
                    .isEqualTo(sh("2026-11-26T09:00"));
            assertThat(calendar.addServiceTime(sh("2026-11-25T17:00"), Duration.ofHours(2)))
                    .isEqualTo(sh("2026-11-26T09:00"));
            assertThat(calendar.addServiceTime(sh("2026-11-26T00:30"), Duration.ofMinutes(90)))
                    .isEqualTo(sh("2026-11-26T09:30"));
        }

        @Test
        void publicHolidayWeekIsSkipped() {
            // 1h on Wed 30 Sep, 1 Oct..7 Oct off, 1h on Thu 8 Oct
            assertThat(calendar.addServiceTime(sh("2026-09-30T17:00"), Duration.ofHours(2)))
                    .isEqualTo(sh("2026-10-08T09:00"));
        }

        @Test
        void reportDuringHolidayStartsAfterIt() {
            assertThat(calendar.addServiceTime(sh("2026-10-03T11:00"), Duration.ofHours(4)))
                    .isEqualTo(sh("2026-10-08T12:00"));
        }

        @Test
        void makeUpSundayIsCounted() {
            // 1h on Fri 25 Sep, Sat 26 off, 2h on make-up Sun 27 Sep
            assertThat(calendar.addServiceTime(sh("2026-09-25T17:00"), Duration.ofHours(3)))
                    .isEqualTo(sh("2026-09-27T10:00"));
        }

        @Test
        void makeUpSaturdayIsCounted() {
            // 1h on Fri 9 Oct, 1h on make-up Sat 10 Oct
            assertThat(calendar.addServiceTime(sh("2026-10-09T17:00"), Duration.ofHours(2)))
                    .isEqualTo(sh("2026-10-10T09:00"));
            assertThat(calendar.addServiceTime(sh("2026-10-10T10:00"), Duration.ofHours(3)))
                    .isEqualTo(sh("2026-10-10T13:00"));
        }

        @Test
        void reportBeforeOpeningStartsAtOpening() {
            assertThat(calendar.addServiceTime(sh("2026-11-25T07:00"), Duration.ofHours(1)))
                    .isEqualTo(sh("2026-11-25T09:00"));
        }

        @Test
        void reportExactlyAtClosingStartsNextMorning() {
            assertThat(calendar.addServiceTime(sh("2026-11-25T18:00"), Duration.ofHours(1)))
                    .isEqualTo(sh("2026-11-26T09:00"));
        }

        @Test
        void amountEndingExactlyAtClosingReturnsClosingInstant() {
            assertThat(calendar.addServiceTime(sh("2026-11-25T14:00"), Duration.ofHours(4)))
                    .isEqualTo(sh("2026-11-25T18:00"));
            assertThat(calendar.addServiceTime(sh("2026-11-25T07:00"), Duration.ofHours(10)))
                    .isEqualTo(sh("2026-11-25T18:00"));
            assertThat(calendar.addServiceTime(sh("2026-11-25T08:00"), Duration.ofHours(20)))
                    .isEqualTo(sh("2026-11-26T18:00"));
            // 1h on Fri 27 Nov, 10h on Mon 30 Nov
            assertThat(calendar.addServiceTime(sh("2026-11-27T17:00"), Duration.ofHours(11)))
                    .isEqualTo(sh("2026-11-30T18:00"));
        }

        @Test
        void twentyFourServiceHoursAreTwoPointFourWorkdays() {
            // 10h Wed + 10h Thu + 4h Fri
            assertThat(calendar.addServiceTime(sh("2026-11-25T08:00"), Duration.ofHours(24)))
                    .isEqualTo(sh("2026-11-27T12:00"));
            // 8h Wed + 10h Thu + 6h Fri
            assertThat(calendar.addServiceTime(sh("2026-11-25T10:00"), Duration.ofHours(24)))
                    .isEqualTo(sh("2026-11-27T14:00"));
        }

        @Test
        void seventyTwoServiceHours() {
            // Wed 8h, Thu 10h, Fri 10h, Mon..Thu 4 x 10h, Fri 4 Dec 4h = 72h
            assertThat(calendar.addServiceTime(sh("2026-11-25T10:00"), Duration.ofHours(72)))
                    .isEqualTo(sh("2026-12-04T12:00"));
        }

        @Test
        void seventyTwoServiceHoursAcrossNationalDay() {
            // Mon 28 .. Wed 30 Sep 30h, holidays, Thu 8 + Fri 9 Oct 20h, make-up Sat 10 Oct 10h,
            // Mon 12 Oct 10h, Tue 13 Oct 2h
            assertThat(calendar.addServiceTime(sh("2026-09-28T08:00"), Duration.ofHours(72)))
                    .isEqualTo(sh("2026-10-13T10:00"));
        }

        @Test
        void thirtyDaysOfServiceTimeIsFast() {
            // 720h = 72 workdays of 10h from Mon 30 Nov 2026: 14 full weeks end Fri 5 Mar 2027,
            // then Mon 8 Mar and Tue 9 Mar; the amount ends exactly at Tuesday's closing
            Instant result = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> calendar.addServiceTime(sh("2026-11-30T08:00"), Duration.ofDays(30)));
            assertThat(result).isEqualTo(sh("2027-03-09T18:00"));
        }

        @Test
        void subHourPrecisionIsKept() {
            assertThat(calendar.addServiceTime(sh("2026-11-25T17:59:30"), Duration.ofSeconds(45)))
                    .isEqualTo(sh("2026-11-26T08:00:15"));
        }

        @Test
        void zeroAmountReturnsStartUnchanged() {
            assertThat(calendar.addServiceTime(sh("2026-11-25T10:00"), Duration.ZERO))
                    .isEqualTo(sh("2026-11-25T10:00"));
            assertThat(calendar.addServiceTime(sh("2026-11-28T03:00"), Duration.ZERO))
                    .isEqualTo(sh("2026-11-28T03:00"));
            assertThat(calendar.addServiceTime(sh("2026-11-25T18:00"), Duration.ZERO))
                    .isEqualTo(sh("2026-11-25T18:00"));
        }

        @Test
        void negativeAmountIsRejected() {
            assertThatThrownBy(() -> calendar.addServiceTime(sh("2026-11-25T10:00"), Duration.ofHours(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("negative");
        }
    }

    @Nested
    class ServiceTimeBetween {

        @Test
        void handWorkedValues() {
            assertThat(calendar.serviceTimeBetween(sh("2026-11-25T10:00"), sh("2026-11-25T14:00")))
                    .isEqualTo(Duration.ofHours(4));
            assertThat(calendar.serviceTimeBetween(sh("2026-11-25T10:00"), sh("2026-11-26T10:00")))
                    .isEqualTo(Duration.ofHours(10));
            assertThat(calendar.serviceTimeBetween(sh("2026-11-27T17:00"), sh("2026-11-30T09:00")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(calendar.serviceTimeBetween(sh("2026-09-30T17:00"), sh("2026-10-08T09:00")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(calendar.serviceTimeBetween(sh("2026-11-23T00:00"), sh("2026-11-30T00:00")))
                    .isEqualTo(Duration.ofHours(50));
        }

        @Test
        void outsideHoursOnlyIsZero() {
            assertThat(calendar.serviceTimeBetween(sh("2026-11-25T18:00"), sh("2026-11-26T08:00")))
                    .isEqualTo(Duration.ZERO);
            assertThat(calendar.serviceTimeBetween(sh("2026-11-28T00:00"), sh("2026-11-30T00:00")))
                    .isEqualTo(Duration.ZERO);
            assertThat(calendar.serviceTimeBetween(sh("2026-10-01T00:00"), sh("2026-10-08T00:00")))
                    .isEqualTo(Duration.ZERO);
        }

        @Test
        void makeUpDayCounts() {
            assertThat(calendar.serviceTimeBetween(sh("2026-10-10T00:00"), sh("2026-10-11T00:00")))
                    .isEqualTo(Duration.ofHours(10));
        }

        @Test
        void endIsExclusive() {
            assertThat(calendar.serviceTimeBetween(sh("2026-11-25T08:00"), sh("2026-11-25T08:00:01")))
                    .isEqualTo(Duration.ofSeconds(1));
            assertThat(calendar.serviceTimeBetween(sh("2026-11-25T17:00"), sh("2026-11-25T18:00")))
                    .isEqualTo(Duration.ofHours(1));
        }

        @Test
        void zeroWhenToIsNotAfterFrom() {
            assertThat(calendar.serviceTimeBetween(sh("2026-11-25T10:00"), sh("2026-11-25T10:00")))
                    .isEqualTo(Duration.ZERO);
            assertThat(calendar.serviceTimeBetween(sh("2026-11-26T10:00"), sh("2026-11-25T10:00")))
                    .isEqualTo(Duration.ZERO);
        }

        static Stream<Arguments> roundTrips() {
            return Stream.of(
                    Arguments.of("2026-11-25T10:00", Duration.ofHours(4), "2026-11-25T14:00"),
                    Arguments.of("2026-11-25T19:30", Duration.ofHours(2), "2026-11-26T10:00"),
                    Arguments.of("2026-11-27T20:00", Duration.ofHours(3), "2026-11-30T11:00"),
                    Arguments.of("2026-09-30T17:00", Duration.ofHours(2), "2026-10-08T09:00"),
                    Arguments.of("2026-09-25T17:00", Duration.ofHours(3), "2026-09-27T10:00"),
                    Arguments.of("2026-11-25T14:00", Duration.ofHours(4), "2026-11-25T18:00"),
                    Arguments.of("2026-11-25T10:00", Duration.ofHours(72), "2026-12-04T12:00"),
                    Arguments.of("2026-09-28T08:00", Duration.ofHours(72), "2026-10-13T10:00"));
        }

        @ParameterizedTest(name = "{0} + {1} = {2}")
        @MethodSource("roundTrips")
        void consistentWithAddServiceTime(String start, Duration amount, String expectedEnd) {
            Instant end = calendar.addServiceTime(sh(start), amount);

            assertThat(end).isEqualTo(sh(expectedEnd));
            assertThat(calendar.serviceTimeBetween(sh(start), end)).isEqualTo(amount);
        }
    }

    @Nested
    class Construction {

        @Test
        void rejectsOpensEqualToCloses() {
            assertThatThrownBy(() -> new ServiceHoursCalendar(SHANGHAI, OPENS, OPENS, MON_TO_FRI, Set.of(), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("opens")
                    .hasMessageContaining("before");
        }

        @Test
        void rejectsOpensAfterCloses() {
            assertThatThrownBy(() -> new ServiceHoursCalendar(SHANGHAI, CLOSES, OPENS, MON_TO_FRI, Set.of(), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("before");
        }

        @Test
        void rejectsNoWorkingDays() {
            assertThatThrownBy(() -> new ServiceHoursCalendar(SHANGHAI, OPENS, CLOSES, Set.of(), Set.of(), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("workingDays");
        }

        @Test
        void rejectsNullArguments() {
            assertThatThrownBy(() -> new ServiceHoursCalendar(null, OPENS, CLOSES, MON_TO_FRI, Set.of(), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("zone");
            assertThatThrownBy(() -> new ServiceHoursCalendar(SHANGHAI, OPENS, CLOSES, MON_TO_FRI, null, Set.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("holidays");
            Set<LocalDate> withNull = new HashSet<>();
            withNull.add(null);
            assertThatThrownBy(() -> new ServiceHoursCalendar(SHANGHAI, OPENS, CLOSES, MON_TO_FRI, Set.of(), withNull))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("extraWorkdays");
        }

        @Test
        void copiesSetsDefensively() {
            Set<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY);
            Set<LocalDate> holidays = new HashSet<>();
            Set<LocalDate> extra = new HashSet<>();
            ServiceHoursCalendar copy = new ServiceHoursCalendar(SHANGHAI, OPENS, CLOSES, days, holidays, extra);

            days.add(DayOfWeek.TUESDAY);
            holidays.add(LocalDate.of(2026, 11, 30));
            extra.add(LocalDate.of(2026, 11, 28));

            assertThat(copy.isWorkday(LocalDate.of(2026, 12, 1))).isFalse();
            assertThat(copy.isWorkday(LocalDate.of(2026, 11, 30))).isTrue();
            assertThat(copy.isWorkday(LocalDate.of(2026, 11, 28))).isFalse();
            assertThat(copy.zone()).isEqualTo(SHANGHAI);
        }
    }

    @Test
    void noWorkdayWithinTenYearsFailsInsteadOfLoopingForever() {
        LocalDate from = LocalDate.of(2026, 11, 25);
        Set<LocalDate> everyMonday = from.datesUntil(from.plusDays(4000))
                .filter(d -> d.getDayOfWeek() == DayOfWeek.MONDAY)
                .collect(Collectors.toSet());
        ServiceHoursCalendar mondaysOnly = new ServiceHoursCalendar(SHANGHAI, OPENS, CLOSES,
                EnumSet.of(DayOfWeek.MONDAY), everyMonday, Set.of());

        assertThatThrownBy(() -> mondaysOnly.nextServiceStart(sh("2026-11-25T10:00")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No workday");
        assertThatThrownBy(() -> mondaysOnly.addServiceTime(sh("2026-11-25T10:00"), Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
