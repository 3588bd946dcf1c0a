package org.posmaintenance.report;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The managers' report page ({@code static/reports/}) answers at {@code /reports/}; it holds no data
 * itself. The data under {@code /api/reports/} is for managers only.
 */
@Configuration
class ReportPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/reports", "/reports/");
        registry.addViewController("/reports/").setViewName("forward:/reports/index.html");
    }

    @Bean
    FilterRegistrationBean<ReportAccessFilter> reportAccess(ProcessEngine engine, ObjectMapper json) {
        FilterRegistrationBean<ReportAccessFilter> registration = new FilterRegistrationBean<>(new ReportAccessFilter(engine, json));
        registration.setName("report-access");
        registration.addUrlPatterns(ReportApiController.PATH + "/*");
        return registration;
    }
}
