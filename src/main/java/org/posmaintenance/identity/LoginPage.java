package org.posmaintenance.identity;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The staff login of the application's own pages ({@code static/login/}) answers at {@code /login/}. */
@Configuration
class LoginPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/login", "/login/");
        registry.addViewController("/login/").setViewName("forward:/login/index.html");
    }
}
