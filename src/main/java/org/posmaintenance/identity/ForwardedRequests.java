package org.posmaintenance.identity;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Behind a proxy or load balancer named in {@code pos.security.trusted-proxies} (and only there), Tomcat's
 * {@link RemoteIpValve} takes the client's address from {@code X-Forwarded-For} (the right-most address the trusted
 * proxies did not add, so a client cannot pass itself off as another by sending the header) and whether the client
 * used HTTPS from {@code X-Forwarded-Proto}. The throttles then count the real client, and cookies are Secure whenever
 * the browser's connection is HTTPS ({@link SecureCookies}). Requests from anywhere else are taken as they come.
 */
@Component
class ForwardedRequests implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final LoginThrottle.Properties properties;

    ForwardedRequests(LoginThrottle.Properties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        RemoteIpValve valve = new RemoteIpValve();
        // exactly the configured addresses; none: a pattern no address matches
        valve.setInternalProxies(properties.trustedProxies().isEmpty() ? "(?!)"
                : properties.trustedProxies().stream().map(Pattern::quote).collect(Collectors.joining("|")));
        valve.setTrustedProxies(null);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        factory.addEngineValves(valve);
    }
}
