package org.posmaintenance.merchant;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.posmaintenance.identity.LoginThrottle;
import org.posmaintenance.ticket.InvalidInputRestResponses;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.StaffTexts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A merchant proves who they are: {@code POST /api/merchant/verifications} with the merchant id sends a one-time code
 * to the contact registered for it (the same answer, 202, whether the id exists or not);
 * {@code POST /api/merchant/verifications/{id}} with the code opens a merchant session (its token goes in the header
 * {@code X-Merchant-Session}); a wrong code is 401, and failed tries count against the client address as failed logins
 * do ({@link LoginThrottle}). {@code DELETE /api/merchant/session} ends the session.
 */
@RestController
class VerificationController {

    static final String VERIFICATIONS = "/api/merchant/verifications";

    private final MerchantVerification verification;

    VerificationController(MerchantVerification verification) {
        this.verification = verification;
    }

    /** A request for a code. */
    record CodeRequest(String merchantId) {
    }

    @PostMapping(VERIFICATIONS)
    ResponseEntity<Map<String, Object>> start(@RequestBody CodeRequest request, HttpServletRequest http) {
        MerchantVerification.Started started = verification.start(request.merchantId(), LoginThrottle.clientOf(http));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verificationId", started.verificationId());
        body.put("expiresAt", started.expiresAt().toString());
        body.put("message", "If this merchant id is registered with us, we sent a 6-digit code to the contact registered for it."
                + " Send the code back with this verification id before it expires.");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    /** The code the merchant received. */
    record CodeAnswer(String code) {
    }

    @PostMapping(VERIFICATIONS + "/{verificationId}")
    ResponseEntity<Map<String, Object>> confirm(@PathVariable String verificationId, @RequestBody CodeAnswer answer) {
        return verification.confirm(verificationId, answer.code()).<ResponseEntity<Map<String, Object>>>map(session -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("merchantId", session.merchant().id());
            body.put("merchantName", session.merchant().name());
            body.put("sessionToken", session.token());
            body.put("expiresAt", session.expiresAt().toString());
            return ResponseEntity.ok(body);
        }).orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "wrong-code", "field", "code",
                "message", "Field 'code': the code is wrong, expired, used already or tried too often; ask for a new code")));
    }

    @DeleteMapping("/api/merchant/session")
    ResponseEntity<Void> end(@RequestHeader(name = MerchantApiController.SESSION_HEADER, required = false) String session) {
        verification.end(session);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InvalidTicketInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidTicketInputException invalid, HttpServletRequest request) {
        InvalidInputRestResponses.refused("merchant verification", invalid);
        return MerchantApiController.invalid(invalid.field(), invalid,
                StaffTexts.ofAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    @ExceptionHandler(MerchantThrottle.TooManyRequestsException.class)
    ResponseEntity<Map<String, Object>> tooMany(MerchantThrottle.TooManyRequestsException error) {
        return MerchantApiController.tooManyRequests(error);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException error) {
        return ResponseEntity.badRequest().body(Map.of("error", "invalid", "field", "body",
                "message", "The request body is not the JSON object this call takes"));
    }
}
