package org.posmaintenance.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;

/**
 * Failed logins are throttled per client address, on every login path (HTTP Basic on {@code /engine-rest} and
 * {@code /api/*}, the web applications' login form, the staff login of the application's pages, a merchant's one-time
 * code): after {@code pos.security.login-failures} failures within
 * {@code pos.security.login-failure-window}, the address gets 429 with {@code Retry-After} until the window frees a
 * try. Camunda's own lock (which any anonymous caller could trigger for any user, for good after ten failures) is
 * switched off instead ({@code login-max-attempts}, {@code login-delay-base} in application.yaml): nobody can lock
 * an account. Behind a proxy or load balancer named in {@code pos.security.trusted-proxies}, the client is the address
 * the proxy names ({@link ForwardedRequests}).
 */
public class LoginThrottle extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    /** Client addresses kept at most; the oldest are forgotten first. */
    static final int MAX_CLIENTS = 20_000;

    /** {@code pos.security}: the throttle's limits and the proxies whose X-Forwarded-For is believed. */
    @ConfigurationProperties("pos.security")
    public record Properties(Integer loginFailures, Duration loginFailureWindow, List<String> trustedProxies) {
        public Properties {
            loginFailures = loginFailures == null ? 10 : loginFailures;
            loginFailureWindow = loginFailureWindow == null ? Duration.ofMinutes(5) : loginFailureWindow;
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
            if (loginFailures < 1 || loginFailureWindow.isNegative() || loginFailureWindow.isZero()) {
                throw new IllegalArgumentException("pos.security.login-failures and login-failure-window must be positive");
            }
        }
    }

    private final Properties properties;
    private final Map<String, Bucket> clients = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    public LoginThrottle(Properties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isLogin(request)) {
            chain.doFilter(request, response);
            return;
        }
        String client = clientOf(request);
        Bucket bucket = bucket(client);
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"error\":\"too-many-failed-logins\",\"message\":\"Too many failed logins from this"
                    + " address; try again in " + seconds + " seconds\"}");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value() && !bucket.tryConsume(1)) {
            LOG.warn("Failed logins from {} throttled for {}", client, properties.loginFailureWindow());
        }
    }

    /**
     * A request that logs in: HTTP Basic credentials, the web applications' login form, the staff login
     * ({@code POST /api/login}), or a merchant's one-time code sent back ({@code POST /api/merchant/verifications/{id}}).
     */
    static boolean isLogin(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        String path = request.getRequestURI();
        return "POST".equals(request.getMethod()) && path != null && (path.contains("/api/admin/auth/user/") && path.contains("/login/")
                || path.equals("/api/login") || path.startsWith("/api/merchant/verifications/"));
    }

    /**
     * The client of a request: its address, which behind a trusted proxy is the one the proxy names in
     * {@code X-Forwarded-For} ({@link ForwardedRequests}).
     */
    public static String clientOf(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    private Bucket bucket(String client) {
        synchronized (clients) {
            return clients.computeIfAbsent(client, address -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(properties.loginFailures())
                            .refillGreedy(properties.loginFailures(), properties.loginFailureWindow()).build())
                    .build());
        }
    }
}
