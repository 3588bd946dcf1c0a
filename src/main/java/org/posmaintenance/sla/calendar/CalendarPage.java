package org.posmaintenance.sla.calendar;

import java.util.List;

import org.posmaintenance.identity.StaffApi;
import org.posmaintenance.model.ModelContract;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;


/**
 * The managers' calendar page ({@code static/calendar/}) answers at {@code /calendar/}; the data under
 * {@code /api/service-calendar/} is for managers and administrators only.
 */
@Configuration
class CalendarPage implements WebMvcConfigurer {

    /** Who may read and change the calendar. */
    static final List<String> KEEPERS = List.of(ModelContract.MANAGERS, ModelContract.ADMINS);

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/calendar", "/calendar/");
        registry.addViewController("/calendar/").setViewName("forward:/calendar/index.html");
    }

    @Bean
    StaffApi calendarApi() {
        return new StaffApi(CalendarController.PATH, KEEPERS, "the holiday calendar");
    }
}
