package org.posmaintenance.sla;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SlaConfiguration {

    /** The service-hours calendar every deadline of the service levels is computed with. */
    @Bean
    ServiceHoursCalendar serviceHoursCalendar(ServiceHoursProperties properties) {
        return properties.toCalendar();
    }
}
