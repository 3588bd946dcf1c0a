package org.posmaintenance.identity;

import java.util.List;

/**
 * An API of the application for staff: requests under {@code path} are answered only to members of {@code groups}
 * (checked against the identity service on every request, so that a user removed from a group loses access at once).
 * Each feature declares its own as a bean; {@link StaffSecurity} enforces them all.
 *
 * @param what     what the API gives, for the refusal's message (e.g. "the reports")
 * @param asCaller whether the engine works for this API as the caller, checking the caller's own authorizations
 *                 (otherwise the application's code works with the engine on the caller's behalf, as in a process step)
 */
public record StaffApi(String path, List<String> groups, String what, boolean asCaller) {

    /** An API whose code works with the engine on the caller's behalf. */
    public StaffApi(String path, List<String> groups, String what) {
        this(path, groups, what, false);
    }

    public StaffApi {
        if (!path.startsWith("/api/") || path.endsWith("/")) {
            throw new IllegalArgumentException("A staff API lies under /api/, without a trailing slash: " + path);
        }
        groups = List.copyOf(groups);
    }

    /** Whether the request path is this API's. */
    boolean covers(String requestPath) {
        return requestPath.equals(path) || requestPath.startsWith(path + "/");
    }
}
