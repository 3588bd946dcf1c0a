package org.posmaintenance.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SlaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SlaConfiguration.class);

    /** The service-hours calendar every deadline of the service levels is computed with. */
    @Bean
    ServiceHoursCalendar serviceHoursCalendar(ServiceHoursProperties properties, DaySource days) {
        if (properties.listsDays()) {
            LOG.warn("pos.service-hours.holidays and extra-workdays are not read any more: the holidays are the calendar in"
                    + " the database; managers enter each year's notice at /calendar/ or PUT /api/service-calendar/{year}");
        }
        return properties.toCalendar(days);
    }
}
