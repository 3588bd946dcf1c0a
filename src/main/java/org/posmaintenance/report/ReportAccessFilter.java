package org.posmaintenance.report;

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
import org.posmaintenance.identity.Groups;
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
 * The reports are for managers: only members of {@code managers} or {@code camunda-admin} may read them.
 * The caller is either the user logged into Camunda's web applications in this browser (the
 * {@code Authentications} Camunda keeps in the HTTP session, as {@code /camunda/api/...} reads it), or
 * a Camunda user giving HTTP Basic credentials (scripts, curl). The user's groups are read afresh from
 * the identity service on every request, so a user removed from {@code managers} loses access at once.
 *
 * <p>Nobody: 401, with a Basic challenge unless the page asks ({@code X-Requested-With}), so that the
 * browser shows no password dialog of its own. Another user: 403.
 */
class ReportAccessFilter extends OncePerRequestFilter {

    static final List<String> READERS = List.of(Groups.MANAGERS, Groups.ADMINS);
    private static final String REALM = "POS maintenance reports";

    private final ProcessEngine engine;
    private final ObjectMapper json;

    ReportAccessFilter(ProcessEngine engine, ObjectMapper json) {
        this.engine = engine;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<String> user = authorization != null ? basicUser(authorization) : sessionUser(request);
        if (user.isEmpty()) {
            if (request.getHeader("X-Requested-With") == null) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            }
            refuse(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "Log into Camunda (Cockpit) as a manager, or give a manager's user and password (HTTP Basic)");
            return;
        }
        if (!mayRead(user.get())) {
            refuse(response, HttpStatus.FORBIDDEN, "forbidden",
                    "Only members of the groups " + String.join(" and ", READERS) + " may read the reports");
            return;
        }
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
        return identity().createGroupQuery().groupMember(userId).list().stream().map(Group::getId).anyMatch(READERS::contains);
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
