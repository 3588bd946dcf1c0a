package org.posmaintenance.report;

import java.util.List;

import org.posmaintenance.identity.StaffApi;
import org.posmaintenance.model.ModelContract;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;


/**
 * The managers' report page ({@code static/reports/}) answers at {@code /reports/}; it holds no data
 * itself. The data under {@code /api/reports/} is for managers only.
 */
@Configuration
class ReportPage implements WebMvcConfigurer {

    /** Who may read the reports. */
    static final List<String> READERS = List.of(ModelContract.MANAGERS, ModelContract.ADMINS);

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/reports", "/reports/");
        registry.addViewController("/reports/").setViewName("forward:/reports/index.html");
    }

    @Bean
    StaffApi reportApi() {
        return new StaffApi(ReportApiController.PATH, READERS, "the reports");
    }
}
