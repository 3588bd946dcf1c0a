package org.posmaintenance.ticket;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Business time: every step takes "now" from this clock, not from the engine's internal one. Tests replace it
 * with a clock they set together with the engine's.
 */
@Configuration
class TimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
