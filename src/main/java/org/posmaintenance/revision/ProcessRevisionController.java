package org.posmaintenance.revision;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.posmaintenance.identity.StaffApi;
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
 * running tickets to a revised one. For analysts and administrators (HTTP Basic or the staff login); the engine
 * then checks their authorizations too.
 */
@RestController
@RequestMapping(ProcessRevisionController.PATH)
class ProcessRevisionController {

    static final String PATH = "/api/process-revisions";
    private static final List<String> ALLOWED = List.of(ModelContract.ANALYSTS, ModelContract.ADMINS);

    private final ProcessRevisions revisions;

    ProcessRevisionController(ProcessRevisions revisions) {
        this.revisions = revisions;
    }

    @GetMapping
    List<ProcessRevisions.VersionInUse> versions() {
        return revisions.versions();
    }

    @PostMapping("/migrations")
    MigrationReport migrate(@RequestBody MigrationRequest request) {
        return revisions.migrate(request);
    }

    /** For analysts and administrators only (the security layer checks it before the engine checks their authorizations). */
    @org.springframework.context.annotation.Configuration
    static class Access {
        @org.springframework.context.annotation.Bean
        StaffApi processRevisionApi() {
            return new StaffApi(PATH, ALLOWED, "the process revisions and migrations", true);
        }
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
}
