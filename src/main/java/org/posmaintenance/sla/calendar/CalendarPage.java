package org.posmaintenance.sla.calendar;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.posmaintenance.identity.StaffAccessFilter;
import org.posmaintenance.model.ModelContract;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.databind.ObjectMapper;

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
    FilterRegistrationBean<StaffAccessFilter> calendarAccess(ProcessEngine engine, ObjectMapper json) {
        FilterRegistrationBean<StaffAccessFilter> registration = new FilterRegistrationBean<>(
                new StaffAccessFilter(engine, json, KEEPERS, "the holiday calendar"));
        registration.setName("calendar-access");
        registration.addUrlPatterns(CalendarController.PATH, CalendarController.PATH + "/*");
        return registration;
    }
}
