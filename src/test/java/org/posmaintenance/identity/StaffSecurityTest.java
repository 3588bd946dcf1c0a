package org.posmaintenance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one security layer over HTTP: the staff login's session with its CSRF token, group checks read afresh on every
 * request, no Basic challenge anywhere, the engine REST API with Basic only, and cookies Secure whenever the connection
 * is HTTPS (behind the trusted proxy of the test profile, 127.0.0.1, which says so in X-Forwarded-Proto).
 */
class StaffSecurityTest extends ProcessScenarioTest {

    static final String USER = "securitymanager";
    static final String PASSWORD = "security-manager-password";

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;

    /** A client address of this test's own: its failed logins count only here. */
    private final String client = "staff-security-" + java.util.UUID.randomUUID();

    @BeforeEach
    void aManager() {
        User user = identityService.newUser(USER);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(USER, "managers");
    }

    @AfterEach
    void noManager() {
        identityService.deleteUser(USER);
    }

    @Test
    void theStaffLoginOpensASessionWhoseChangesNeedTheCsrfTokenAndWhoseGroupsAreReadAfresh() {
        // the login page asks for the session's token first
        Session session = new Session();
        JsonNode anonymous = session.get("/api/session").getBody();
        assertThat(anonymous.get("user").isNull()).isTrue();
        String token = anonymous.at("/csrf/token").asText();
        assertThat(anonymous.at("/csrf/header").asText()).isEqualTo("X-CSRF-TOKEN");

        assertThat(session.login(USER, "wrong-password", token).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<JsonNode> withoutToken = session.login(USER, PASSWORD, null);
        assertThat(withoutToken.getStatusCode()).as("a login without the token").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(withoutToken.getBody().get("error").asText()).isEqualTo("csrf");
        ResponseEntity<JsonNode> loggedIn = session.login(USER, PASSWORD, token);
        assertThat(loggedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(loggedIn.getBody().get("user").asText()).isEqualTo(USER);
        assertThat(loggedIn.getBody().get("groups").toString()).contains("managers");

        assertThat(session.get("/api/reports/sla").getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode current = session.get("/api/session").getBody();
        assertThat(current.get("user").asText()).isEqualTo(USER);

        // a change with the session but without its token (what another site's form could send) changes nothing
        Map<String, Object> day = Map.of("kind", "HOLIDAY", "name", "Staff security test day", "reason", "test");
        long changes = jdbc.queryForObject("SELECT COUNT(*) FROM service_calendar_change", Long.class);
        ResponseEntity<JsonNode> forged = session.send(HttpMethod.PUT, "/api/service-calendar/days/2026-12-30", day, null);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forged.getBody().get("error").asText()).isEqualTo("csrf");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM service_calendar_change", Long.class)).isEqualTo(changes);
        String csrf = current.at("/csrf/token").asText();
        ResponseEntity<JsonNode> changed = session.send(HttpMethod.PUT, "/api/service-calendar/days/2026-12-30", day, csrf);
        assertThat(changed.getStatusCode()).as(String.valueOf(changed.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("SELECT changed_by FROM service_calendar_change ORDER BY id DESC LIMIT 1", String.class))
                .as("the change is recorded as the logged-in user's").isEqualTo(USER);
        assertThat(session.send(HttpMethod.DELETE, "/api/service-calendar/days/2026-12-30?reason=test", null, csrf).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // out of the managers group: no more reports for the same session, at once
        identityService.deleteMembership(USER, "managers");
        ResponseEntity<JsonNode> refused = session.get("/api/reports/sla");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().get("message").asText()).contains("managers");

        assertThat(session.send(HttpMethod.POST, "/api/logout", null, current.at("/csrf/token").asText()).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(session.get("/api/reports/sla").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void noAnswerAsksForBasicCredentialsAndAnonymousChangesAreUnauthenticated() {
        for (String path : List.of("/engine-rest/task", "/api/reports/sla", "/api/service-calendar", "/api/model-deployments",
                "/api/tickets/SR-20261125-0001", "/api/process-revisions")) {
            ResponseEntity<JsonNode> answer = http.getForEntity(path, JsonNode.class);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(answer.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)).as(path).isFalse();
        }
        ResponseEntity<JsonNode> migration = http.postForEntity("/api/process-revisions/migrations", Map.of(), JsonNode.class);
        assertThat(migration.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth(USER, PASSWORD).getForEntity("/engine-rest/task", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth(USER, PASSWORD).getForEntity("/api/process-revisions", JsonNode.class).getStatusCode())
                .as("a manager is no analyst").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void cookiesAreSecureWheneverTheConnectionIsHttps() {
        HttpHeaders https = new HttpHeaders();
        https.set("X-Forwarded-Proto", "https");
        ResponseEntity<String> overHttps = http.exchange("/api/session", HttpMethod.GET, new HttpEntity<>(https), String.class);
        assertThat(sessionCookie(overHttps)).contains("Secure").contains("HttpOnly").contains("SameSite=Strict");
        ResponseEntity<String> overHttp = http.exchange("/api/session", HttpMethod.GET, null, String.class);
        assertThat(sessionCookie(overHttp)).doesNotContain("Secure").contains("SameSite=Strict");

        // Camunda's web applications: their CSRF cookie too
        ResponseEntity<String> tasklist = http.exchange("/camunda/api/engine/engine/", HttpMethod.GET, new HttpEntity<>(https),
                String.class);
        List<String> cookies = tasklist.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
        assertThat(cookies).as("cookies of the web applications over HTTPS").isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("Secure"));
    }

    private static String sessionCookie(ResponseEntity<?> answer) {
        return answer.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst().orElseThrow(() -> new AssertionError(
                        "no session cookie in " + answer.getHeaders()));
    }

    /** A browser's session: keeps the session cookie it is given. */
    private final class Session {
        private String cookie;

        ResponseEntity<JsonNode> get(String path) {
            return send(HttpMethod.GET, path, null, null);
        }

        ResponseEntity<JsonNode> login(String user, String password, String csrf) {
            HttpHeaders headers = headers(csrf);
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            return keep(http.exchange("/api/login", HttpMethod.POST, new HttpEntity<>("username=" + user + "&password=" + password,
                    headers), JsonNode.class));
        }

        ResponseEntity<JsonNode> send(HttpMethod method, String path, Object body, String csrf) {
            HttpHeaders headers = headers(csrf);
            headers.setContentType(MediaType.APPLICATION_JSON);
            return keep(http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class));
        }

        private HttpHeaders headers(String csrf) {
            HttpHeaders headers = new HttpHeaders();
            headers.set("X-Forwarded-For", client);
            if (cookie != null) {
                headers.set(HttpHeaders.COOKIE, cookie);
            }
            if (csrf != null) {
                headers.set("X-CSRF-TOKEN", csrf);
            }
            return headers;
        }

        private ResponseEntity<JsonNode> keep(ResponseEntity<JsonNode> answer) {
            answer.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
                    .filter(set -> set.startsWith("JSESSIONID=")).findFirst()
                    .ifPresent(set -> cookie = set.substring(0, set.indexOf(';')));
            return answer;
        }
    }
}
