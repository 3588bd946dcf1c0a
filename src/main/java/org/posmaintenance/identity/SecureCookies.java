package org.posmaintenance.identity;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every cookie set in an answer over HTTPS is Secure, whoever sets it: Camunda's web applications write their CSRF
 * cookie as a header and mark it Secure only when configured to, whatever the connection. (The servlet container's
 * session cookie is Secure over HTTPS by itself.) Behind a trusted proxy, HTTPS is what it says in
 * {@code X-Forwarded-Proto} ({@link ForwardedRequests}).
 */
public class SecureCookies extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, request.isSecure() ? new SecureCookieResponse(response) : response);
    }

    private static final class SecureCookieResponse extends HttpServletResponseWrapper {

        SecureCookieResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, secured(name, value));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, secured(name, value));
        }

        private static String secured(String name, String value) {
            if (value == null || !"Set-Cookie".equalsIgnoreCase(name)) {
                return value;
            }
            boolean secure = false;
            for (String attribute : value.split(";")) {
                secure |= attribute.strip().toLowerCase(Locale.ROOT).equals("secure");
            }
            return secure ? value : value + "; Secure";
        }
    }
}
