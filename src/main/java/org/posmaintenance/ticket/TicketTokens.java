package org.posmaintenance.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Access tokens that let a merchant, who is no Camunda user, read one ticket and answer its survey.
 * A token is 256 random bits; only its SHA-256 is stored.
 */
@Component
public class TicketTokens {

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final Duration validAfterClose;

    /** @param validAfterClose how long a token still opens its ticket after the ticket ended */
    public TicketTokens(JdbcTemplate jdbc, Clock clock,
                        @Value("${pos.merchant.token-valid-after-close:30d}") String validAfterClose) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.validAfterClose = DurationStyle.detectAndParse(validAfterClose);
    }

    /** A new token for the ticket, in the current transaction. */
    public String issue(String ticketNumber) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("INSERT INTO ticket_token (token_hash, ticket_number, created_at) VALUES (?, ?, ?)",
                hash(token), ticketNumber, Timestamp.from(clock.instant()));
        return token;
    }

    /**
     * Whether the token was issued for this ticket and still opens it: while the ticket is open, and for
     * {@code pos.merchant.token-valid-after-close} after it ended.
     */
    public boolean grants(String token, String ticketNumber) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        Integer matches = jdbc.queryForObject("SELECT COUNT(*) FROM ticket_token k JOIN ticket t ON t.ticket_number = k.ticket_number"
                        + " WHERE k.token_hash = ? AND k.ticket_number = ? AND (t.closed_at IS NULL OR t.closed_at > ?)",
                Integer.class, hash(token.strip()), ticketNumber, Timestamp.from(clock.instant().minus(validAfterClose)));
        return matches != null && matches > 0;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
