package org.posmaintenance.merchant;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngineException;
import org.posmaintenance.identity.LoginThrottle;
import org.posmaintenance.ticket.InvalidInputRestResponses;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.OpenTicketExistsException;
import org.posmaintenance.ticket.StaffTexts;
import org.posmaintenance.ticket.UnknownMerchantTerminalException;
import org.posmaintenance.model.ModelContract;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchants' JSON API (documented in the README): report a fault, list one's tickets, follow a ticket, answer the
 * survey, withdraw a report. Reporting and listing need a merchant session ({@code X-Merchant-Session}, from a one-time
 * code: {@link VerificationController}); a ticket opens with that session (the ticket's merchant) or with its access
 * token ({@code X-Ticket-Token}, the link in the merchant's notifications). Errors are JSON: 400 names the field,
 * 401 asks for a verification, 404 hides whether a ticket exists, 409 for a terminal that already has an open ticket
 * or a survey that is closed.
 */
@RestController
@RequestMapping("/api/merchant/tickets")
class MerchantApiController {

    static final String TOKEN_HEADER = "X-Ticket-Token";
    static final String SESSION_HEADER = "X-Merchant-Session";
    /** Tickets listed for a merchant at most. */
    static final int LISTED_TICKETS = 100;
    /** Process variables whose name differs from the API's field. */
    private static final Map<String, String> API_FIELDS = Map.of(
            ModelContract.FAULT_DESCRIPTION, "description",
            ModelContract.SURVEY_SCORE, "score",
            ModelContract.SURVEY_COMMENT, "comment");

    /** The answer for every report whose merchant id and terminal serial do not name one of the merchant's terminals. */
    static final InvalidTicketInputException UNKNOWN_TERMINAL =
            new InvalidTicketInputException("terminalSerial", "unknownMerchantTerminal");

    private final MerchantTickets tickets;
    private final MerchantThrottle throttle;
    private final MerchantVerification verification;

    MerchantApiController(MerchantTickets tickets, MerchantThrottle.Limits limits, MerchantVerification verification) {
        this.tickets = tickets;
        this.throttle = new MerchantThrottle(limits);
        this.verification = verification;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> report(@RequestBody MerchantTickets.Report asked,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                               @RequestHeader(name = SESSION_HEADER, required = false) String session,
                                               HttpServletRequest request) {
        String merchant = verified(session);
        if (asked.merchantId() != null && !asked.merchantId().isBlank() && !asked.merchantId().strip().equals(merchant)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "other-merchant", "field", "merchantId",
                    "message", "Field 'merchantId': you proved to be merchant " + merchant + "; report for that merchant id or"
                            + " prove to be the other one"));
        }
        MerchantTickets.Report report = asked.by(merchant);
        throttle.count(LoginThrottle.clientOf(request), merchant);
        MerchantTickets.Reported reported;
        try {
            reported = tickets.report(report, idempotencyKey);
        } catch (DuplicateKeyException | ProcessEngineException refused) {
            // the same request may have arrived twice at once: then the other one's ticket is the answer
            reported = tickets.replay(report, idempotencyKey).orElseThrow(() -> refused);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticketNumber", reported.ticketNumber());
        body.put("accessToken", reported.accessToken());
        body.put("statusUrl", "/merchant/#ticket=" + reported.ticketNumber() + "&token=" + reported.accessToken());
        return ResponseEntity.status(reported.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(body);
    }

    /** The verified merchant's tickets, newest first. */
    @GetMapping
    Map<String, Object> list(@RequestHeader(name = SESSION_HEADER, required = false) String session) {
        String merchant = verified(session);
        return Map.of("merchantId", merchant, "tickets", tickets.ticketsOf(merchant, LISTED_TICKETS));
    }

    @GetMapping("/{ticketNumber}")
    ResponseEntity<Map<String, Object>> status(@PathVariable String ticketNumber,
                                               @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                                               @RequestHeader(name = SESSION_HEADER, required = false) String session) {
        // the token in the header only: a URL's query ends up in access logs, proxies and browser history
        return tickets.status(ticketNumber, access(token, session))
                .map(ResponseEntity::ok)
                .orElseGet(() -> notFound(ticketNumber));
    }

    /** A survey answer. */
    record SurveyAnswer(Object score, String comment) {
    }

    @PostMapping("/{ticketNumber}/survey")
    ResponseEntity<Map<String, Object>> answerSurvey(@PathVariable String ticketNumber,
                                                     @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                                                     @RequestHeader(name = SESSION_HEADER, required = false) String session,
                                                     @RequestBody SurveyAnswer answer) {
        return switch (tickets.answerSurvey(ticketNumber, access(token, session), answer.score(), answer.comment())) {
            case ANSWERED -> ResponseEntity.ok(Map.of("status", "ANSWERED"));
            case NOT_FOUND -> notFound(ticketNumber);
            case CLOSED -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "survey-closed",
                    "message", "The survey of ticket " + ticketNumber + " is not open: not yet sent, answered or expired."));
        };
    }

    /** A withdrawal: why, optionally. */
    record Withdrawal(String reason) {
    }

    @PostMapping("/{ticketNumber}/withdrawal")
    ResponseEntity<Map<String, Object>> withdraw(@PathVariable String ticketNumber,
                                                 @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                                                 @RequestHeader(name = SESSION_HEADER, required = false) String session,
                                                 @RequestBody(required = false) Withdrawal withdrawal) {
        return switch (tickets.withdraw(ticketNumber, access(token, session), withdrawal == null ? null : withdrawal.reason())) {
            case WITHDRAWN -> ResponseEntity.ok(Map.of("status", "CANCELLED"));
            case NOT_FOUND -> notFound(ticketNumber);
            case CLOSED -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "ticket-closed",
                    "message", "Ticket " + ticketNumber + " is closed or cancelled already."));
            case REPAIR_DONE -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "repair-done",
                    "message", "The terminal of ticket " + ticketNumber + " is repaired already; the ticket closes after the survey."));
            case SUSPENDED -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "ticket-suspended",
                    "message", "Ticket " + ticketNumber + " is on hold; please call the service hotline."));
        };
    }

    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<Map<String, Object>> rejected(ProcessEngineException error, HttpServletRequest request) {
        Locale language = StaffTexts.ofAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof OpenTicketExistsException open) {
                return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "open-ticket",
                        "field", open.field(), "ticketNumber", open.openTicket(), "message", open.message(language),
                        "detail", open.detail(language)));
            }
            if (cause instanceof UnknownMerchantTerminalException unknown) {
                // one answer for an unknown merchant, an unknown terminal, another's or a replaced terminal
                InvalidInputRestResponses.refused("merchant API", unknown);
                return invalid("terminalSerial", UNKNOWN_TERMINAL, language);
            }
            if (cause instanceof InvalidTicketInputException invalid) {
                InvalidInputRestResponses.refused("merchant API", invalid);
                return invalid(API_FIELDS.getOrDefault(invalid.field(), invalid.field()), invalid, language);
            }
        }
        throw error;
    }

    /**
     * 400 naming the field by the API's name ({@code field}), with the field in words and the reason ({@code message})
     * and the reason alone ({@code detail}, for a page that shows it next to the field), in the request's language.
     */
    static ResponseEntity<Map<String, Object>> invalid(String field, InvalidTicketInputException invalid, Locale language) {
        return ResponseEntity.badRequest().body(Map.of("error", "invalid", "field", field,
                "message", invalid.message(language), "detail", invalid.detail(language)));
    }

    @ExceptionHandler(MerchantThrottle.TooManyRequestsException.class)
    ResponseEntity<Map<String, Object>> tooMany(MerchantThrottle.TooManyRequestsException error) {
        return tooManyRequests(error);
    }

    static ResponseEntity<Map<String, Object>> tooManyRequests(MerchantThrottle.TooManyRequestsException error) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, error.retryAfter().toSeconds() + 1)))
                .body(Map.of("error", "too-many-requests", "message", error.getMessage()));
    }

    @ExceptionHandler(VerificationRequiredException.class)
    ResponseEntity<Map<String, Object>> verificationRequired() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "verification-required",
                "message", "Prove that you are the merchant first: ask for a code (POST /api/merchant/verifications) and send it"
                        + " back; then give the session in the header " + SESSION_HEADER + ". A session ends after a few hours."));
    }

    /** The merchant of a live session. */
    private String verified(String session) {
        return verification.merchantOf(session).orElseThrow(VerificationRequiredException::new);
    }

    private MerchantTickets.Access access(String token, String session) {
        return new MerchantTickets.Access(token, session == null ? null : verification.merchantOf(session).orElse(null));
    }

    /** A report or list without a live merchant session. */
    static final class VerificationRequiredException extends RuntimeException {
        VerificationRequiredException() {
            super(null, null, false, false);
        }
    }

    @ExceptionHandler(MerchantTickets.IdempotencyKeyReusedException.class)
    ResponseEntity<Map<String, Object>> keyReused(MerchantTickets.IdempotencyKeyReusedException error) {
        return ResponseEntity.unprocessableEntity().body(Map.of("error", "idempotency-key-reused", "field", "Idempotency-Key",
                "message", error.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException error) {
        return ResponseEntity.badRequest().body(Map.of("error", "invalid", "field", "body",
                "message", "The request body is not the JSON object this call takes"));
    }

    private static ResponseEntity<Map<String, Object>> notFound(String ticketNumber) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not-found",
                "message", "No ticket " + ticketNumber + " for this link or token"));
    }
}
