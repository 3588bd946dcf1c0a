package org.posmaintenance.testing;

import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A merchant proves who they are as on the merchant page: asks for a code, reads it in the mail ({@link Mailbox}),
 * sends it back, and gets a merchant session for the header {@code X-Merchant-Session}.
 */
public final class MerchantSessions {

    public static final String HEADER = "X-Merchant-Session";

    private MerchantSessions() {
    }

    /** A new session of {@code merchantId} on the test application. */
    @SuppressWarnings("rawtypes")
    public static String open(TestRestTemplate http, String merchantId) {
        ResponseEntity<Map> started = http.postForEntity("/api/merchant/verifications", Map.of("merchantId", merchantId), Map.class);
        if (started.getStatusCode() != HttpStatus.ACCEPTED) {
            throw new AssertionError("Asking for a code: " + started);
        }
        String verificationId = (String) started.getBody().get("verificationId");
        ResponseEntity<Map> confirmed = http.postForEntity("/api/merchant/verifications/" + verificationId,
                Map.of("code", Mailbox.codeOf(verificationId)), Map.class);
        if (confirmed.getStatusCode() != HttpStatus.OK) {
            throw new AssertionError("Sending the code back: " + confirmed);
        }
        return (String) confirmed.getBody().get("sessionToken");
    }
}
