package org.posmaintenance.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** No default administrator password outside the demo. */
class AdministratorGuardTest {

    @Test
    void outsideTheDemoAMissingOrDefaultPasswordStopsTheStart() {
        for (String password : new String[] {null, "", "admin", "Admin", "demo", "short-pw", "password1234", "admin1234567",
                "qwertyuiop12"}) {
            MockEnvironment environment = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin");
            if (password != null) {
                environment.setProperty("camunda.bpm.admin-user.password", password);
            }
            assertThatThrownBy(() -> AdministratorGuard.check(environment)).as("password " + password)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("POS_ADMIN_PASSWORD");
        }
        assertThatThrownBy(() -> AdministratorGuard.check(new MockEnvironment()))
                .hasMessageContaining("No administrator");
        assertThatThrownBy(() -> AdministratorGuard.check(new MockEnvironment()
                .withProperty("camunda.bpm.admin-user.id", "operator")
                .withProperty("camunda.bpm.admin-user.password", "OPERATOR")))
                .hasMessageContaining("POS_ADMIN_PASSWORD");
    }

    @Test
    void aStrongPasswordOrTheDemoStarts() {
        assertThatCode(() -> AdministratorGuard.check(new MockEnvironment()
                .withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("camunda.bpm.admin-user.password", "k7#Vx9!qLm2$Tz"))).doesNotThrowAnyException();
        MockEnvironment demo = new MockEnvironment()
                .withProperty("pos.demo.enabled", "true")
                .withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("camunda.bpm.admin-user.password", "admin");
        demo.setActiveProfiles("demo");
        assertThatCode(() -> AdministratorGuard.check(demo)).doesNotThrowAnyException();
    }

    @Test
    void theDemoSwitchAloneDoesNotStartTheDemoUsersOnAProductionDatabase() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("pos.demo.enabled", "true")
                .withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("camunda.bpm.admin-user.password", "k7#Vx9!qLm2$Tz");
        production.setActiveProfiles("postgres");
        assertThatThrownBy(() -> AdministratorGuard.check(production)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POS_DEMO_ENABLED").hasMessageContaining("'demo'");
    }
}
