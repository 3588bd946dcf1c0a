package org.posmaintenance.identity;

import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Outside the demo, the application refuses to start without an administrator whose password is set
 * and not a default. The check runs before any bean is created, so the engine never creates an
 * administrator with a default password (Camunda would otherwise use the user id as password).
 */
@Configuration
class AdministratorGuard {

    static final int MINIMUM_LENGTH = 12;
    private static final Set<String> DEFAULTS = Set.of("admin", "demo", "camunda", "password", "changeme", "secret");

    @Bean
    static BeanFactoryPostProcessor refuseDefaultAdministratorPassword(Environment environment) {
        return beanFactory -> check(environment);
    }

    static void check(Environment environment) {
        if (environment.getProperty("pos.demo.enabled", Boolean.class, false)) {
            return;
        }
        String id = environment.getProperty("camunda.bpm.admin-user.id");
        String password = environment.getProperty("camunda.bpm.admin-user.password");
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("No administrator is configured: set POS_ADMIN_USER and POS_ADMIN_PASSWORD"
                    + " (or run the demo with the profile 'demo').");
        }
        if (password == null || password.isBlank() || password.equalsIgnoreCase(id)
                || DEFAULTS.contains(password.toLowerCase(Locale.ROOT)) || password.length() < MINIMUM_LENGTH) {
            throw new IllegalStateException("Refusing to start: the administrator password (POS_ADMIN_PASSWORD) is missing,"
                    + " a default, or shorter than " + MINIMUM_LENGTH + " characters.");
        }
    }
}
