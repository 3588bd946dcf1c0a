package org.posmaintenance.worklist;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Puts the {@link TicketFactsFilter} in front of both engine APIs (Tasklist's and {@code /engine-rest}). */
@Configuration
class TasklistViews {

    @Bean
    FilterRegistrationBean<TicketFactsFilter> ticketFactsFilter(TaskService tasks, IdentityService identity, TicketFacts facts,
            ObjectMapper json, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<TicketFactsFilter> registration = new FilterRegistrationBean<>(
                new TicketFactsFilter(tasks, identity, facts, json));
        registration.setName("ticket-facts");
        registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
        return registration;
    }
}
