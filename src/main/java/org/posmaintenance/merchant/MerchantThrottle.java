package org.posmaintenance.merchant;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Requests of the merchant API (fault reports, requests for a verification code) are limited per client address
 * and per merchant id (every attempt counts, accepted or not, so that the API cannot be used to try ids and serials
 * in bulk, or to flood a merchant with codes): beyond the limit, 429 with {@code Retry-After}. The hotline's
 * reports (Tasklist) are not limited.
 */
public class MerchantThrottle {

    /** Clients and merchants kept at most each; the oldest are forgotten first. */
    static final int MAX_KEYS = 20_000;

    /** {@code pos.merchant}: reports per client address and per merchant id within the window. */
    @ConfigurationProperties("pos.merchant")
    public record Limits(Integer reportsPerClient, Integer reportsPerMerchant, Duration reportWindow) {
        public Limits {
            reportsPerClient = reportsPerClient == null ? 20 : reportsPerClient;
            reportsPerMerchant = reportsPerMerchant == null ? 10 : reportsPerMerchant;
            reportWindow = reportWindow == null ? Duration.ofHours(1) : reportWindow;
            if (reportsPerClient < 1 || reportsPerMerchant < 1 || reportWindow.isNegative() || reportWindow.isZero()) {
                throw new IllegalArgumentException("pos.merchant.reports-per-client, reports-per-merchant and report-window must be positive");
            }
        }
    }

    /** Too many requests: try again after {@code retryAfter}. */
    public static class TooManyRequestsException extends RuntimeException {
        private final Duration retryAfter;

        TooManyRequestsException(String what, Duration retryAfter, String who) {
            super("Too many " + what + " from this " + who + "; try again in " + Math.max(1, retryAfter.toSeconds())
                    + " seconds, or call the service hotline");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private final String what;
    private final int perClient;
    private final int perMerchant;
    private final Duration window;
    private final TimeMeter time;
    private final Map<String, Bucket> clients = lru();
    private final Map<String, Bucket> merchants = lru();

    /** The limits of fault reports. */
    public MerchantThrottle(Limits limits) {
        this("fault reports", limits.reportsPerClient(), limits.reportsPerMerchant(), limits.reportWindow(), TimeMeter.SYSTEM_MILLISECONDS);
    }

    /**
     * @param what        what is limited, for the message (e.g. "fault reports")
     * @param perClient   requests per client address within the window
     * @param perMerchant requests per merchant id within the window
     */
    MerchantThrottle(String what, int perClient, int perMerchant, Duration window, TimeMeter time) {
        this.what = what;
        this.perClient = perClient;
        this.perMerchant = perMerchant;
        this.window = window;
        this.time = time;
    }

    /**
     * Counts a request from this client for this merchant id.
     *
     * @throws TooManyRequestsException when either has reached its limit (nothing is counted then)
     */
    public void count(String client, String merchantId) {
        String merchant = merchantId == null ? "" : merchantId.strip().toUpperCase(Locale.ROOT);
        merchant = merchant.length() > 64 ? merchant.substring(0, 64) : merchant;
        Bucket byClient = bucket(clients, client == null ? "" : client, perClient);
        Bucket byMerchant = bucket(merchants, merchant, perMerchant);
        synchronized (this) {
            long clientWait = byClient.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            long merchantWait = byMerchant.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            if (clientWait > 0 || merchantWait > 0) {
                throw new TooManyRequestsException(what, Duration.ofNanos(Math.max(clientWait, merchantWait)),
                        clientWait >= merchantWait ? "address" : "merchant");
            }
            ConsumptionProbe first = byClient.tryConsumeAndReturnRemaining(1);
            ConsumptionProbe second = byMerchant.tryConsumeAndReturnRemaining(1);
            if (!first.isConsumed() || !second.isConsumed()) {
                throw new TooManyRequestsException(what, Duration.ofSeconds(1), "address");
            }
        }
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, int capacity) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(key, unused -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
                    .withCustomTimePrecision(time)
                    .build());
        }
    }

    private static Map<String, Bucket> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_KEYS;
            }
        };
    }
}
