package org.posmaintenance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Anonymous callers cannot lock an account: eleven wrong passwords for an administrator (which locked him for good
 * before) throttle the caller's address, on the engine REST API, the staff API and the web applications' login,
 * while the administrator logs in from elsewhere at once.
 */
class LoginThrottleTest extends ProcessScenarioTest {

    @Autowired TestRestTemplate http;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;

    @Test
    void wrongPasswordsThrottleTheAddressAndNeverLockTheAccount() {
        // an administrator of its own, so that no other test's login depends on this one
        var administrator = identityService.newUser("throttleadmin");
        administrator.setPassword("Throttle-test-admin-7f3a");
        identityService.saveUser(administrator);
        identityService.createMembership("throttleadmin", "camunda-admin");
        try {
            attackedButNotLocked();
        } finally {
            identityService.deleteUser("throttleadmin");
        }
    }

    private void attackedButNotLocked() {
        String attacker = address();
        for (int i = 1; i <= 10; i++) {
            assertThat(profile("throttleadmin", "guess-" + i, attacker).getStatusCode()).as("attempt " + i)
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<String> throttled = profile("throttleadmin", "guess-11", attacker);
        assertThat(throttled.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Long.parseLong(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 300L);
        assertThat(throttled.getBody()).contains("too-many-failed-logins");
        // the staff API and the web login are throttled for that address too, even with the right password
        assertThat(http.exchange("/api/reports/sla", HttpMethod.GET, new HttpEntity<>(basic("mary", "mary-demo", attacker)),
                String.class).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(webLogin("mary", "mary-demo", attacker).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        // from another address the administrator logs in at once: Camunda locked nothing
        Integer locked = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = 'throttleadmin'"
                + " AND LOCK_EXP_TIME_ > ?", Integer.class, new java.sql.Timestamp(System.currentTimeMillis()));
        assertThat(locked).as("no lock on the account").isZero();
        assertThat(profile("throttleadmin", "Throttle-test-admin-7f3a", address()).getStatusCode()).isEqualTo(HttpStatus.OK);
        // more wrong passwords elsewhere still lock nothing (Camunda locked for good after ten)
        String other = address();
        for (int i = 1; i <= 5; i++) {
            profile("throttleadmin", "again-" + i, other);
        }
        assertThat(profile("throttleadmin", "Throttle-test-admin-7f3a", address()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(profile("mary", "mary-demo", address()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void successfulLoginsAreNeverThrottled() {
        String busy = address();
        for (int i = 0; i < 30; i++) {
            assertThat(profile("mary", "mary-demo", busy).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }

    private ResponseEntity<String> profile(String user, String password, String client) {
        return http.exchange("/engine-rest/user/" + user + "/profile", HttpMethod.GET,
                new HttpEntity<>(basic(user, password, client)), String.class);
    }

    private ResponseEntity<String> webLogin(String user, String password, String client) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-Forwarded-For", client);
        return http.exchange("/camunda/api/admin/auth/user/default/login/cockpit", HttpMethod.POST,
                new HttpEntity<>("username=" + user + "&password=" + password, headers), String.class);
    }

    private static HttpHeaders basic(String user, String password, String client) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        headers.set("X-Forwarded-For", client);
        return headers;
    }

    /** A client no other test is (the throttle counts per client, named by the trusted proxy's X-Forwarded-For). */
    private static String address() {
        return "client-" + UUID.randomUUID();
    }
}
