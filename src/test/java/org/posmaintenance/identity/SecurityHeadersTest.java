package org.posmaintenance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** The application's pages and APIs carry the browser security headers, whatever the answer. */
class SecurityHeadersTest extends ProcessScenarioTest {

    @Autowired TestRestTemplate http;

    @Test
    void pagesAndApisForbidFramingSniffingAndForeignOrInlineScript() {
        for (String path : List.of("/merchant/", "/merchant/merchant.js", "/reports/", "/calendar/",
                "/api/merchant/tickets/SR-20261125-0001", "/api/reports/sla", "/api/service-calendar", "/engine-rest/version")) {
            ResponseEntity<String> answer = http.getForEntity(path, String.class);
            HttpHeaders headers = answer.getHeaders();
            assertThat(headers.getFirst("Content-Security-Policy")).as(path)
                    .contains("script-src 'self';").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval")
                    .doesNotContain("script-src 'self' 'unsafe-inline'");
            assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
    }
}
