package org.posmaintenance.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

/** The limits of merchant API requests per client address and per merchant id, on a clock the test moves. */
class MerchantThrottleTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final MerchantThrottle throttle = new MerchantThrottle("fault reports", 3, 2, Duration.ofHours(1),
            new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return nanos.get();
                }

                @Override
                public boolean isWallClockBased() {
                    return false;
                }
            });

    @Test
    void aMerchantReportsTwiceAnHourFromAnywhereThenWaits() {
        throttle.count("client-a", "M-100231");
        throttle.count("client-b", " m-100231 ");
        assertThatThrownBy(() -> throttle.count("client-c", "M-100231"))
                .isInstanceOf(MerchantThrottle.TooManyRequestsException.class).hasMessageContaining("merchant")
                .satisfies(error -> assertThat(((MerchantThrottle.TooManyRequestsException) error).retryAfter())
                        .isBetween(Duration.ofMinutes(29), Duration.ofMinutes(31)));
        nanos.addAndGet(Duration.ofMinutes(31).toNanos());
        assertThatCode(() -> throttle.count("client-c", "M-100231")).doesNotThrowAnyException();
    }

    @Test
    void aClientReportsThreeTimesAnHourWhateverTheMerchantIds() {
        throttle.count("client-x", "M-1");
        throttle.count("client-x", "M-2");
        throttle.count("client-x", "M-3");
        assertThatThrownBy(() -> throttle.count("client-x", "M-4")).hasMessageContaining("address");
        // the refused attempt counted nothing against M-4
        throttle.count("client-y", "M-4");
        throttle.count("client-z", "M-4");
    }
}
