package org.posmaintenance.merchant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.posmaintenance.notification.NotificationChannel;
import org.posmaintenance.notification.NotificationTemplates;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.github.bucket4j.TimeMeter;

/**
 * A merchant proves who they are with a one-time code sent to the contact registered for their merchant id (the
 * notification channel's address: email, or the log in the demo). A right code opens a merchant session of bounded
 * life. Every answer is the same whether the merchant id exists or not: a code is sent only to a registered merchant,
 * after the answer (so the time taken tells nothing either), and a code for an unknown id never matches.
 * Codes and session tokens are kept only as SHA-256 hashes.
 */
@Component
public class MerchantVerification implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(MerchantVerification.class);
    static final Pattern MERCHANT_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final Pattern CODE = Pattern.compile("\\d{6}");
    private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9_-]{20,64}");

    /**
     * {@code pos.merchant.verification}: how long a code is valid and how often it may be tried, how long a session
     * lasts, how many codes a merchant id and a client address may ask for within the window, and the channel.
     */
    @ConfigurationProperties("pos.merchant.verification")
    public record Properties(Duration codeLife, Integer codeAttempts, Duration sessionLife, Integer codesPerMerchant,
                             Integer codesPerClient, Duration codeWindow, String channel) {
        public Properties {
            codeLife = codeLife == null ? Duration.ofMinutes(10) : codeLife;
            codeAttempts = codeAttempts == null ? 5 : codeAttempts;
            sessionLife = sessionLife == null ? Duration.ofHours(8) : sessionLife;
            codesPerMerchant = codesPerMerchant == null ? 5 : codesPerMerchant;
            codesPerClient = codesPerClient == null ? 20 : codesPerClient;
            codeWindow = codeWindow == null ? Duration.ofHours(1) : codeWindow;
            if (codeLife.isNegative() || codeLife.isZero() || sessionLife.isNegative() || sessionLife.isZero()
                    || codeWindow.isNegative() || codeWindow.isZero() || codeAttempts < 1 || codesPerMerchant < 1 || codesPerClient < 1) {
                throw new IllegalArgumentException("pos.merchant.verification: lives, window and counts must be positive");
            }
        }
    }

    /** A code was asked for: the id to send it back with, and until when it is valid. */
    public record Started(String verificationId, Instant expiresAt) {
    }

    /** A merchant session: its token (given once, to the merchant), the merchant and its end. */
    public record Session(String token, Merchant merchant, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MerchantDirectory directory;
    private final NotificationTemplates templates;
    private final NotificationChannel channel;
    private final Properties properties;
    private final MerchantThrottle throttle;
    /** Sends codes after the answer; a full queue drops the code (the merchant asks again), never blocks the API. */
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(200),
            runnable -> {
                Thread thread = new Thread(runnable, "merchant-code-sender");
                thread.setDaemon(true);
                return thread;
            });

    public MerchantVerification(JdbcTemplate jdbc, Clock clock, MerchantDirectory directory, NotificationTemplates templates,
                                List<NotificationChannel> channels, Properties properties,
                                org.posmaintenance.notification.NotificationProperties notifications) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
        this.templates = templates;
        this.properties = properties;
        String channelName = properties.channel() == null || properties.channel().isBlank() ? notifications.channel() : properties.channel();
        this.channel = NotificationChannel.named(channels, channelName, "pos.merchant.verification.channel");
        this.throttle = new MerchantThrottle("requests for a code", properties.codesPerClient(), properties.codesPerMerchant(),
                properties.codeWindow(), TimeMeter.SYSTEM_MILLISECONDS);
    }

    /**
     * Asks for a code for this merchant id: the same answer whether it exists or not; the code goes to the merchant's
     * registered contact after the transaction.
     *
     * @throws MerchantThrottle.TooManyRequestsException beyond the limits per client address or merchant id
     */
    @Transactional
    public Started start(String merchantId, String client) {
        String id = merchantId == null ? "" : merchantId.strip();
        if (!MERCHANT_ID.matcher(id).matches()) {
            throw new InvalidTicketInputException("merchantId", "merchantIdOfContract");
        }
        throttle.count(client, id);
        Instant now = clock.instant();
        String verificationId = randomToken(24);
        Instant expiresAt = now.plus(properties.codeLife());
        jdbc.update("DELETE FROM merchant_verification WHERE expires_at < ?", Timestamp.from(now.minus(Duration.ofDays(1))));
        Optional<Merchant> merchant = directory.merchant(id);
        Optional<String> recipient = merchant.map(channel::recipient);
        if (merchant.isPresent() && recipient.isPresent()) {
            String code = String.format("%06d", random.nextInt(1_000_000));
            jdbc.update("INSERT INTO merchant_verification (verification_id, merchant_id, code_hash, created_at, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?)", verificationId, merchant.get().id(), sha256(verificationId + ":" + code),
                    Timestamp.from(now), Timestamp.from(expiresAt));
            sendAfterCommit(merchant.get(), recipient.get(), code, verificationId);
        } else {
            // nothing to send to, and nothing kept: a code sent back with this id never matches
            LOG.info("Code asked for merchant id without a registered contact (or unknown): {}", org.posmaintenance.ticket.SafeText.of(id));
        }
        return new Started(verificationId, expiresAt);
    }

    /**
     * Checks a code: right, unused, in time and within the tries, it opens a session; otherwise empty (one answer
     * for a wrong, expired, used or unknown code). Every try counts.
     */
    @Transactional
    public Optional<Session> confirm(String verificationId, String code) {
        String given = code == null ? "" : code.strip();
        if (!CODE.matcher(given).matches()) {
            throw new InvalidTicketInputException("code", "codeDigits");
        }
        if (verificationId == null || !OPAQUE.matcher(verificationId).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT merchant_id, code_hash, expires_at, attempts, used_at"
                + " FROM merchant_verification WHERE verification_id = ? FOR UPDATE", verificationId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        jdbc.update("UPDATE merchant_verification SET attempts = attempts + 1 WHERE verification_id = ?", verificationId);
        boolean usable = row.get("used_at") == null && ((Number) row.get("attempts")).intValue() < properties.codeAttempts()
                && ((Timestamp) row.get("expires_at")).toInstant().isAfter(now);
        boolean matches = MessageDigest.isEqual(sha256(verificationId + ":" + given).getBytes(StandardCharsets.US_ASCII),
                row.get("code_hash").toString().getBytes(StandardCharsets.US_ASCII));
        if (!usable || !matches) {
            return Optional.empty();
        }
        jdbc.update("UPDATE merchant_verification SET used_at = ? WHERE verification_id = ?", Timestamp.from(now), verificationId);
        Merchant merchant = directory.merchant(row.get("merchant_id").toString()).orElseThrow();
        String token = randomToken(32);
        Instant expiresAt = now.plus(properties.sessionLife());
        jdbc.update("DELETE FROM merchant_session WHERE expires_at < ?", Timestamp.from(now.minus(Duration.ofDays(1))));
        jdbc.update("INSERT INTO merchant_session (session_hash, merchant_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                sha256(token), merchant.id(), Timestamp.from(now), Timestamp.from(expiresAt));
        return Optional.of(new Session(token, merchant, expiresAt));
    }

    /** The merchant whose session this token is, while it lasts; empty for anything else. */
    public Optional<String> merchantOf(String sessionToken) {
        if (sessionToken == null || !OPAQUE.matcher(sessionToken.strip()).matches()) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT merchant_id FROM merchant_session WHERE session_hash = ? AND ended_at IS NULL AND expires_at > ?",
                String.class, sha256(sessionToken.strip()), Timestamp.from(clock.instant())).stream().findFirst();
    }

    /** Ends a session (the merchant logs out); an unknown token changes nothing. */
    public void end(String sessionToken) {
        if (sessionToken != null && OPAQUE.matcher(sessionToken.strip()).matches()) {
            jdbc.update("UPDATE merchant_session SET ended_at = ? WHERE session_hash = ? AND ended_at IS NULL",
                    Timestamp.from(clock.instant()), sha256(sessionToken.strip()));
        }
    }

    private void sendAfterCommit(Merchant merchant, String recipient, String code, String verificationId) {
        Map<String, String> values = Map.of("code", code, "merchant", merchant.id(),
                "minutes", Long.toString(Math.max(1, properties.codeLife().toMinutes())));
        String subject = templates.text("VERIFICATION_CODE.subject", merchant.locale(), values);
        String body = templates.text("VERIFICATION_CODE.body", merchant.locale(), values);
        Runnable send = () -> {
            try {
                sender.execute(() -> {
                    try {
                        channel.send(recipient, subject, body, "<" + verificationId + "@verification.pos-maintenance>");
                    } catch (RuntimeException failed) {
                        LOG.warn("The verification code for merchant {} could not be sent: {}", merchant.id(),
                                org.posmaintenance.ticket.SafeText.of(String.valueOf(failed.getMessage())));
                    }
                });
            } catch (RejectedExecutionException busy) {
                LOG.warn("Too many verification codes waiting to be sent; the code for merchant {} was dropped", merchant.id());
            }
        };
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            send.run();
                        }
                    });
        } else {
            send.run();
        }
    }

    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public void destroy() {
        sender.shutdown();
    }
}
