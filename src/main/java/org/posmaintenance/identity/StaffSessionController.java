package org.posmaintenance.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/session}: who is logged in with this browser's staff session (null when nobody), the groups, and
 * the CSRF token every change with the session sends (header {@code X-CSRF-TOKEN}; the login too).
 */
@RestController
class StaffSessionController {

    private final StaffSecurity security;

    StaffSessionController(StaffSecurity security) {
        this.security = security;
    }

    @GetMapping(StaffSecurity.SESSION)
    Map<String, Object> session(HttpServletRequest request) {
        Map<String, Object> session = StaffSecurity.authenticatedUser()
                .map(user -> security.session(SecurityContextHolder.getContext().getAuthentication()))
                .orElseGet(() -> {
                    Map<String, Object> nobody = new LinkedHashMap<>();
                    nobody.put("user", null);
                    nobody.put("groups", java.util.List.of());
                    return nobody;
                });
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (csrf != null) {
            session.put("csrf", Map.of("header", csrf.getHeaderName(), "token", csrf.getToken()));
        }
        return session;
    }
}
