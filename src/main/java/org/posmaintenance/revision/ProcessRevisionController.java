package org.posmaintenance.revision;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.posmaintenance.model.ModelContract;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/process-revisions}: the deployed versions of the maintenance process and the migration of
 * running tickets to a revised one. For analysts and administrators, with HTTP Basic (Camunda users);
 * the engine then checks their authorizations too.
 */
@RestController
@RequestMapping(ProcessRevisionController.PATH)
class ProcessRevisionController {

    static final String PATH = "/api/process-revisions";
    private static final List<String> ALLOWED = List.of(ModelContract.ANALYSTS, ModelContract.ADMINS);

    private final ProcessRevisions revisions;
    private final IdentityService identity;

    ProcessRevisionController(ProcessRevisions revisions, IdentityService identity) {
        this.revisions = revisions;
        this.identity = identity;
    }

    @GetMapping
    List<ProcessRevisions.VersionInUse> versions() {
        requireAnalyst();
        return revisions.versions();
    }

    @PostMapping("/migrations")
    MigrationReport migrate(@RequestBody MigrationRequest request) {
        requireAnalyst();
        return revisions.migrate(request);
    }

    private void requireAnalyst() {
        Authentication user = identity.getCurrentAuthentication();
        if (user == null || user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(ALLOWED::contains)) {
            throw new NotAnAnalystException();
        }
    }

    @ExceptionHandler(NotAnAnalystException.class)
    ResponseEntity<Map<String, Object>> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "forbidden",
                "message", "Only analysts and administrators revise the process"));
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Map<String, Object>> notAuthorized(AuthorizationException error) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "forbidden", "message", error.getMessage()));
    }

    @ExceptionHandler(RevisionRejectedException.class)
    ResponseEntity<Map<String, Object>> rejected(RevisionRejectedException error) {
        if (error.field() != null) {
            return ResponseEntity.badRequest().body(Map.of("error", "invalid", "field", error.field(),
                    "message", error.getMessage()));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "rejected",
                "message", error.getMessage(), "problems", error.problems()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException error) {
        return ResponseEntity.badRequest().body(Map.of("error", "invalid", "field", "body",
                "message", "The request body is not the JSON object this call takes: " + error.getMostSpecificCause().getMessage()));
    }

    private static final class NotAnAnalystException extends RuntimeException {
    }
}
