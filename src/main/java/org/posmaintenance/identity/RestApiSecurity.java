package org.posmaintenance.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The filters around the security layer ({@link StaffSecurity}): failed logins are throttled before any password is
 * checked, pages and APIs carry the browser security headers, and behind the authentication, on the engine REST API
 * and on the web applications' engine API, the {@link VariableWriteGuard} lets people write only their forms' fields.
 */
@Configuration
class RestApiSecurity {

    static final String ENGINE_REST = "/engine-rest";
    /** After Spring Security (order -100): the engine's authentication first; the guard needs the user it sets. */
    static final int AUTHENTICATION_ORDER = 0;
    private static final int VARIABLE_GUARD_ORDER = AUTHENTICATION_ORDER + 1;

    /** Failed logins are throttled before any login path checks a password. */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(LoginThrottle.Properties properties) {
        FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(new LoginThrottle(properties));
        registration.setName("login-throttle");
        registration.addUrlPatterns("/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Cookies set over HTTPS are Secure, whoever sets them (also Camunda's web applications). */
    @Bean
    FilterRegistrationBean<SecureCookies> secureCookies() {
        FilterRegistrationBean<SecureCookies> registration = new FilterRegistrationBean<>(new SecureCookies());
        registration.setName("secure-cookies");
        registration.addUrlPatterns("/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The application's pages and JSON APIs, and the engine REST API, carry the browser security headers. */
    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setName("security-headers");
        registration.addUrlPatterns("/merchant/*", "/reports/*", "/calendar/*", "/login/*", "/api/*", ENGINE_REST + "/*", "/webjars/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /**
     * On the engine REST API after its authentication; on the web applications' engine API before Camunda's
     * own filters there (which Camunda adds after all of the application's), with the session's login.
     */
    @Bean
    FilterRegistrationBean<VariableWriteGuard> variableWriteGuard(ProcessEngine engine, FormFields formFields, ObjectMapper json,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        String webappEngineApi = webappPath + "/api/engine";
        FilterRegistrationBean<VariableWriteGuard> registration = new FilterRegistrationBean<>(
                new VariableWriteGuard(engine, formFields, json, ENGINE_REST, webappEngineApi));
        registration.setName("variable-write-guard");
        registration.addUrlPatterns(ENGINE_REST + "/*", webappEngineApi + "/*");
        registration.setOrder(VARIABLE_GUARD_ORDER);
        return registration;
    }
}
