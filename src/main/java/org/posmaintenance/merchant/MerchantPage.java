package org.posmaintenance.merchant;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The merchant page ({@code static/merchant/}) answers at {@code /merchant/}. */
@Configuration
class MerchantPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/merchant", "/merchant/");
        registry.addViewController("/merchant/").setViewName("forward:/merchant/index.html");
    }
}
