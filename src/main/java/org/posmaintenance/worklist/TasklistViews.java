package org.posmaintenance.worklist;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Puts the {@link TicketSummaryFilter} in front of both engine APIs (Tasklist's and {@code /engine-rest}). */
@Configuration
class TasklistViews {

    @Bean
    FilterRegistrationBean<TicketSummaryFilter> ticketSummaryFilter(TaskService tasks, IdentityService identity, TicketSummary facts,
            ObjectMapper json, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<TicketSummaryFilter> registration = new FilterRegistrationBean<>(
                new TicketSummaryFilter(tasks, identity, facts, json));
        registration.setName("ticket-summary");
        registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
        return registration;
    }
}
