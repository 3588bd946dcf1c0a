package org.posmaintenance.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.notification.NotificationChannel;
import org.posmaintenance.notification.NotificationProperties;
import org.posmaintenance.notification.NotificationTemplates;
import org.posmaintenance.testing.Mailbox;
import org.posmaintenance.testing.MerchantSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import jakarta.mail.internet.MimeMessage;

/**
 * A merchant proves who they are with a one-time code sent to the registered contact (through GreenMail), and only
 * then reports a fault, lists their tickets and opens them from a new browser. Nothing tells whether a merchant id
 * exists; codes and sessions are kept only as hashes, and they end.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class MerchantVerificationTest extends ProcessScenarioTest {

    static final String VERIFICATIONS = "/api/merchant/verifications";
    static final String TICKETS = "/api/merchant/tickets";

    @Autowired TestRestTemplate http;
    @Autowired MerchantDirectory directory;
    @Autowired NotificationTemplates templates;
    @Autowired List<NotificationChannel> channels;
    @Autowired NotificationProperties notifications;
    @Autowired Clock clock;

    private final String client = "verification-test-" + java.util.UUID.randomUUID();

    @BeforeEach
    void emptyMailbox() {
        Mailbox.clear();
    }

    @Test
    void withoutAVerifiedSessionNoReportIsTakenAndNothingIsStored() {
        long tickets = jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Long.class);
        Map<String, Object> report = apiReport(newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE"));
        for (String session : new String[] {null, "", "not-a-session-token-at-all-0123456789", "x".repeat(500)}) {
            ResponseEntity<Map> answer = post(TICKETS, report, session);
            assertThat(answer.getStatusCode()).as("session " + session).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(answer.getBody()).containsEntry("error", "verification-required").doesNotContainKey("accessToken");
        }
        assertThat(http.getForEntity(TICKETS, Map.class).getStatusCode()).as("the list too").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Long.class)).isEqualTo(tickets);
    }

    @Test
    void theCodeGoesToTheRegisteredAddressInTheMerchantsLanguageAndOpensASession() throws Exception {
        ResponseEntity<Map> started = http.postForEntity(VERIFICATIONS, Map.of("merchantId", MERCHANT), Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String verificationId = (String) started.getBody().get("verificationId");
        String code = Mailbox.codeOf(verificationId);
        MimeMessage mail = Arrays.stream(Mailbox.received()).filter(message -> {
            try {
                return message.getMessageID().contains(verificationId);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("lotus.teahouse@example.org");
        assertThat(mail.getSubject()).isEqualTo("您的验证码：" + code);
        assertThat((String) mail.getContent()).contains("10 分钟内有效");

        // kept only as a hash: no row holds the code or the session token
        assertThat(jdbc.queryForObject("SELECT code_hash FROM merchant_verification WHERE verification_id = ?", String.class,
                verificationId)).hasSize(64).doesNotContain(code);

        String wrong = code.equals("000000") ? "000001" : "000000";
        ResponseEntity<Map> refused = confirm(verificationId, wrong);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getBody()).containsEntry("error", "wrong-code").containsEntry("field", "code");
        assertThat(confirm(verificationId, "12 34").getStatusCode()).as("not 6 digits").isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<Map> confirmed = confirm(verificationId, code);
        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(confirmed.getBody()).containsEntry("merchantId", MERCHANT).containsEntry("merchantName", "Lotus Tea House")
                .containsEntry("expiresAt", WEDNESDAY_10_00.plus(Duration.ofHours(8)).toString());
        String session = (String) confirmed.getBody().get("sessionToken");
        assertThat(session).hasSizeGreaterThanOrEqualTo(40);
        assertThat(jdbc.queryForList("SELECT session_hash FROM merchant_session", String.class)).doesNotContain(session);
        assertThat(confirm(verificationId, code).getStatusCode()).as("a code works once").isEqualTo(HttpStatus.UNAUTHORIZED);

        // the session reports, and the answer to a second report names the open ticket: the merchant is verified
        Map<String, Object> report = apiReport(newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE"));
        report.remove("merchantId");   // the session says whose report it is
        ResponseEntity<Map> reported = post(TICKETS, report, session);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String ticketNumber = (String) reported.getBody().get("ticketNumber");
        assertThat(registry.find(ticketNumber).orElseThrow().merchantId()).isEqualTo(MERCHANT);
        ResponseEntity<Map> again = post(TICKETS, report, session);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("ticketNumber", ticketNumber);
    }

    @Test
    void anUnknownMerchantIdIsAnsweredAlikeAndGetsNoCodeThatWorks() {
        ResponseEntity<Map> known = http.postForEntity(VERIFICATIONS, Map.of("merchantId", MERCHANT), Map.class);
        ResponseEntity<Map> unknown = http.postForEntity(VERIFICATIONS, Map.of("merchantId", "M-999999"), Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(known.getStatusCode());
        assertThat(unknown.getBody().keySet()).isEqualTo(known.getBody().keySet());
        assertThat(unknown.getBody().get("message")).isEqualTo(known.getBody().get("message"));
        assertThat(unknown.getBody().get("expiresAt")).isEqualTo(known.getBody().get("expiresAt"));
        assertThat((String) unknown.getBody().get("verificationId")).hasSameSizeAs((String) known.getBody().get("verificationId"));

        Mailbox.codeOf((String) known.getBody().get("verificationId"));
        assertThat(Mailbox.received()).as("only the registered merchant gets a code").hasSize(1);
        String unknownId = (String) unknown.getBody().get("verificationId");
        for (int code = 0; code < 3; code++) {
            assertThat(confirm(unknownId, String.format("%06d", code)).getBody()).containsEntry("error", "wrong-code");
        }
        ResponseEntity<Map> malformed = http.postForEntity(VERIFICATIONS, Map.of("merchantId", "M-1\r\nforged"), Map.class);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody()).containsEntry("field", "merchantId");
    }

    @Test
    void aCodeExpiresAndFiveWrongTriesSpendIt() {
        String first = start(MERCHANT);
        String code = Mailbox.codeOf(first);
        for (int i = 0; i < 5; i++) {
            confirm(first, code.equals("999999") ? "999998" : "999999");
        }
        assertThat(confirm(first, code).getStatusCode()).as("after five wrong tries").isEqualTo(HttpStatus.UNAUTHORIZED);

        String second = start(MERCHANT);
        String secondCode = Mailbox.codeOf(second);
        setClock(WEDNESDAY_10_00.plus(Duration.ofMinutes(10)).plusSeconds(1));
        assertThat(confirm(second, secondCode).getStatusCode()).as("after ten minutes").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aSessionOpensTheMerchantsOwnTicketsFromANewBrowserNoOtherAndEnds() {
        String lotus = MerchantSessions.open(http, MERCHANT);
        Map<String, Object> report = apiReport(newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE"));
        String ticketNumber = (String) post(TICKETS, report, lotus).getBody().get("ticketNumber");

        // another browser, no token: a new code, a new session, the list and the ticket
        String later = MerchantSessions.open(http, MERCHANT);
        ResponseEntity<Map> list = get(TICKETS, later);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).containsEntry("merchantId", MERCHANT);
        List<Map<String, Object>> tickets = (List<Map<String, Object>>) list.getBody().get("tickets");
        assertThat(tickets).extracting(row -> row.get("ticketNumber")).contains(ticketNumber);
        assertThat(tickets).allSatisfy(row -> assertThat(registry.find((String) row.get("ticketNumber")).orElseThrow().merchantId())
                .isEqualTo(MERCHANT));
        assertThat(get(TICKETS + "/" + ticketNumber, later).getBody()).containsEntry("ticketNumber", ticketNumber)
                .containsEntry("status", "OPEN");

        // another merchant's session: neither the ticket, nor a report in this merchant's name
        String harbour = MerchantSessions.open(http, "M-100232");
        assertThat(get(TICKETS + "/" + ticketNumber, harbour).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((List<?>) get(TICKETS, harbour).getBody().get("tickets")).extracting(row -> ((Map) row).get("ticketNumber"))
                .doesNotContain(ticketNumber);
        ResponseEntity<Map> forOther = post(TICKETS, apiReport(newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE")), harbour);
        assertThat(forOther.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forOther.getBody()).containsEntry("field", "merchantId");
        HttpHeaders withdrawal = headers(harbour);
        assertThat(http.exchange(TICKETS + "/" + ticketNumber + "/withdrawal", HttpMethod.POST, new HttpEntity<>(Map.of(), withdrawal),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // logging out ends the session at once; the other one ends after eight hours
        assertThat(http.exchange("/api/merchant/session", HttpMethod.DELETE, new HttpEntity<>(headers(later)), Void.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get(TICKETS, later).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        setClock(WEDNESDAY_10_00.plus(Duration.ofHours(8)).minusSeconds(60));
        assertThat(get(TICKETS, lotus).getStatusCode()).isEqualTo(HttpStatus.OK);
        setClock(WEDNESDAY_10_00.plus(Duration.ofHours(8)).plusSeconds(60));
        assertThat(get(TICKETS, lotus).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(TICKETS + "/" + ticketNumber, lotus).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void wrongCodesCountAsFailedLoginsOfTheClient() {
        String client = "code-guesser-" + java.util.UUID.randomUUID();
        String verificationId = start(MERCHANT);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Forwarded-For", client);
        int refused = 0;
        ResponseEntity<Map> answer = null;
        for (int i = 0; i < 11; i++) {   // pos.security.login-failures: 10
            answer = http.exchange(VERIFICATIONS + "/" + verificationId, HttpMethod.POST,
                    new HttpEntity<>(Map.of("code", String.format("%06d", i)), headers), Map.class);
            refused += answer.getStatusCode() == HttpStatus.UNAUTHORIZED ? 1 : 0;
        }
        assertThat(refused).isEqualTo(10);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    }

    @Test
    void codesAreLimitedPerMerchantIdAndPerClient() {
        // the settings the application runs with outside the tests (the test profile raises the limits)
        MerchantVerification.Properties defaults = new MerchantVerification.Properties(null, null, null, null, null, null, null);
        assertThat(defaults.codesPerMerchant()).isEqualTo(5);
        MerchantVerification verification = new MerchantVerification(jdbc, clock, directory, templates, channels,
                new MerchantVerification.Properties(null, null, null, 2, 3, null, null), notifications);
        try {
            verification.start("M-100233", "client-a");
            verification.start(" M-100233", "client-b");
            assertThatThrownBy(() -> verification.start("M-100233", "client-c"))
                    .isInstanceOf(MerchantThrottle.TooManyRequestsException.class).hasMessageContaining("merchant");
            verification.start("M-1", "client-d");
            verification.start("M-2", "client-d");
            verification.start("M-3", "client-d");
            assertThatThrownBy(() -> verification.start("M-4", "client-d")).hasMessageContaining("address");
        } finally {
            verification.destroy();
        }
    }

    private String start(String merchantId) {
        ResponseEntity<Map> started = http.postForEntity(VERIFICATIONS, Map.of("merchantId", merchantId), Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return (String) started.getBody().get("verificationId");
    }

    /** Sends a code back, as a client of this test's own (failed tries count against the client address). */
    private ResponseEntity<Map> confirm(String verificationId, String code) {
        HttpHeaders headers = headers(null);
        headers.set("X-Forwarded-For", client);
        return http.exchange(VERIFICATIONS + "/" + verificationId, HttpMethod.POST, new HttpEntity<>(Map.of("code", code), headers),
                Map.class);
    }

    private ResponseEntity<Map> post(String url, Object body, String session) {
        return http.exchange(url, HttpMethod.POST, new HttpEntity<>(body, headers(session)), Map.class);
    }

    private ResponseEntity<Map> get(String url, String session) {
        return http.exchange(url, HttpMethod.GET, new HttpEntity<>(headers(session)), Map.class);
    }

    private static HttpHeaders headers(String session) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (session != null) {
            headers.set(MerchantSessions.HEADER, session);
        }
        return headers;
    }

    private static Map<String, Object> apiReport(String terminalSerial) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("merchantId", MERCHANT);
        report.put("terminalSerial", terminalSerial);
        report.put("faultCategory", "PRINTER");
        report.put("description", "The printer prints nothing since this morning.");
        return report;
    }
}
