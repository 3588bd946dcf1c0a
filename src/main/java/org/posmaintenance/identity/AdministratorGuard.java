package org.posmaintenance.identity;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * Outside the demo, the application refuses to start without an administrator whose password is set,
 * not a default and hard to guess (zxcvbn's estimate); the demo (its users with known passwords) runs only with the
 * profile {@code demo}. The check runs before any bean is created, so the engine never creates an
 * administrator with a default password (Camunda would otherwise use the user id as password).
 */
@Configuration
class AdministratorGuard {

    static final int MINIMUM_LENGTH = 12;
    /** zxcvbn's score (0 to 4): 3 is "safely unguessable" against an offline attack with slow hashing. */
    static final int MINIMUM_STRENGTH = 3;
    static final String DEMO_PROFILE = "demo";
    private static final Set<String> DEFAULTS = Set.of("admin", "demo", "camunda", "password", "changeme", "secret");

    @Bean
    static BeanFactoryPostProcessor refuseDefaultAdministratorPassword(Environment environment) {
        return beanFactory -> check(environment);
    }

    static void check(Environment environment) {
        boolean demoProfile = environment.acceptsProfiles(Profiles.of(DEMO_PROFILE));
        boolean demoEnabled = environment.getProperty("pos.demo.enabled", Boolean.class, false);
        if (demoEnabled && !demoProfile) {
            throw new IllegalStateException("Refusing to start: pos.demo.enabled (POS_DEMO_ENABLED) creates the demo users with"
                    + " known passwords and is allowed only with the profile '" + DEMO_PROFILE + "'.");
        }
        if (demoEnabled) {
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
        int strength = new Zxcvbn().measure(password, List.of(id, "pos", "maintenance", "camunda", "admin", "terminal"))
                .getScore();
        if (strength < MINIMUM_STRENGTH) {
            throw new IllegalStateException("Refusing to start: the administrator password (POS_ADMIN_PASSWORD) is easy to guess"
                    + " (strength " + strength + " of 4, at least " + MINIMUM_STRENGTH + " needed): use a longer passphrase or"
                    + " a generated password.");
        }
    }
}
