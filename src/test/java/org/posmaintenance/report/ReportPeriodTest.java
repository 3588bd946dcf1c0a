package org.posmaintenance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The period of a report and the statistics of durations, without the engine. */
class ReportPeriodTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Wednesday 2026-11-25 10:00 in Shanghai. */
    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

    @Test
    void withoutParametersItIsThisWeekFromMondayMidnightInTheServiceZoneUntilNow() {
        ReportPeriod period = ReportPeriod.of(null, "", SHANGHAI, NOW);
        assertThat(period.from()).isEqualTo(Instant.parse("2026-11-22T16:00:00Z")); // Monday 00:00 +08:00
        assertThat(period.to()).isEqualTo(NOW);
    }

    @Test
    void aDateIsItsMidnightAndAnEndAloneGivesTheWeekBeforeIt() {
        ReportPeriod week = ReportPeriod.of(null, "2026-11-30", SHANGHAI, NOW);
        assertThat(week.from()).isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
        assertThat(week.to()).isEqualTo(Instant.parse("2026-11-29T16:00:00Z"));
    }

    @Test
    void localTimesAreReadInTheServiceZoneAndOffsetsAsGiven() {
        assertThat(ReportPeriod.of("2026-11-23T08:30", null, SHANGHAI, NOW).from()).isEqualTo(Instant.parse("2026-11-23T00:30:00Z"));
        assertThat(ReportPeriod.of("2026-11-23T08:30+01:00", null, SHANGHAI, NOW).from()).isEqualTo(Instant.parse("2026-11-23T07:30:00Z"));
        assertThat(ReportPeriod.of("2026-11-23T08:30:00Z", null, SHANGHAI, NOW).from()).isEqualTo(Instant.parse("2026-11-23T08:30:00Z"));
    }

    @Test
    void aPeriodOf366DaysIsTheLongest() {
        assertThat(ReportPeriod.of("2025-01-01", "2026-01-02", SHANGHAI, NOW).to()).isNotNull();
        assertThatThrownBy(() -> ReportPeriod.of("2025-01-01", "2026-01-02T00:00:01", SHANGHAI, NOW))
                .isInstanceOf(InvalidReportParameterException.class).hasMessageStartingWith("Field 'to': ");
        assertThatThrownBy(() -> ReportPeriod.of("2026-11-26", null, SHANGHAI, NOW))
                .isInstanceOf(InvalidReportParameterException.class).hasMessageStartingWith("Field 'from': must be before 'to'");
    }

    @Test
    void theNinetiethPercentileIsTheNearestRankAndTheMeanIsRoundedToTwoDecimals() {
        List<Duration> oneToTenHours = IntStream.rangeClosed(1, 10).mapToObj(Duration::ofHours).toList();
        assertThat(SlaReportCalculator.hours(oneToTenHours)).isEqualTo(new SlaReport.Hours(5.5, 9.0));
        List<Duration> elevenValues = IntStream.rangeClosed(1, 11).mapToObj(Duration::ofHours).toList();
        assertThat(SlaReportCalculator.hours(elevenValues)).isEqualTo(new SlaReport.Hours(6.0, 10.0));
        assertThat(SlaReportCalculator.hours(List.of(Duration.ofMinutes(20)))).isEqualTo(new SlaReport.Hours(0.33, 0.33));
        assertThat(SlaReportCalculator.hours(List.of())).isEqualTo(new SlaReport.Hours(null, null));
    }
}
