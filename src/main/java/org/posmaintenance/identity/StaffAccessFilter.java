package org.posmaintenance.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Staff data outside the engine REST API (the managers' reports, the record of model deployments) is for
 * members of some groups only. The caller is either the user logged into Camunda's web applications in this browser (the
 * {@code Authentications} Camunda keeps in the HTTP session, as {@code /camunda/api/...} reads it), or
 * a Camunda user giving HTTP Basic credentials (scripts, curl). The user's groups are read afresh from
 * the identity service on every request, so a user removed from {@code managers} loses access at once.
 *
 * <p>Nobody: 401, with a Basic challenge unless the page asks ({@code X-Requested-With}), so that the
 * browser shows no password dialog of its own. Another user: 403.
 */
public class StaffAccessFilter extends OncePerRequestFilter {

    /** The request attribute holding the id of the user the filter let through (for records of who changed what). */
    public static final String USER = StaffAccessFilter.class.getName() + ".user";

    private final ProcessEngine engine;
    private final ObjectMapper json;
    private final List<String> readers;
    private final String what;

    /**
     * @param readers the groups whose members may read it
     * @param what    what is protected, for the messages and the Basic realm (e.g. "the reports")
     */
    public StaffAccessFilter(ProcessEngine engine, ObjectMapper json, List<String> readers, String what) {
        this.engine = engine;
        this.json = json;
        this.readers = List.copyOf(readers);
        this.what = what;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<String> user = authorization != null ? basicUser(authorization) : sessionUser(request);
        if (user.isEmpty()) {
            if (request.getHeader("X-Requested-With") == null) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"POS maintenance: " + what + "\", charset=\"UTF-8\"");
            }
            refuse(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "Log into Camunda (Cockpit) as a member of " + String.join(" or ", readers)
                            + ", or give such a user's name and password (HTTP Basic)");
            return;
        }
        if (!mayRead(user.get())) {
            refuse(response, HttpStatus.FORBIDDEN, "forbidden",
                    "Only members of the groups " + String.join(", ", readers) + " may read " + what);
            return;
        }
        boolean changes = !List.of("GET", "HEAD", "OPTIONS").contains(request.getMethod());
        if (changes && authorization == null && request.getHeader("X-Requested-With") == null) {
            // a change with the browser's session must come from the application's own page (no cross-site form post)
            refuse(response, HttpStatus.FORBIDDEN, "forbidden", "A change with the web session must send the header X-Requested-With");
            return;
        }
        request.setAttribute(USER, user.get());
        chain.doFilter(request, response);
    }

    /** The user whose Basic credentials are right, or none. */
    private Optional<String> basicUser(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String userId = decoded.substring(0, colon);
        return identity().checkPassword(userId, decoded.substring(colon + 1)) ? Optional.of(userId) : Optional.empty();
    }

    /** The user logged into Camunda's web applications with this session, if he still exists. */
    private Optional<String> sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(engine.getName());
        if (authentication == null || authentication.getIdentityId() == null) {
            return Optional.empty();
        }
        String userId = authentication.getIdentityId();
        return identity().createUserQuery().userId(userId).count() == 1 ? Optional.of(userId) : Optional.empty();
    }

    private boolean mayRead(String userId) {
        return identity().createGroupQuery().groupMember(userId).list().stream().map(Group::getId).anyMatch(readers::contains);
    }

    private IdentityService identity() {
        return engine.getIdentityService();
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String error, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), java.util.Map.of("error", error, "message", message));
    }
}
