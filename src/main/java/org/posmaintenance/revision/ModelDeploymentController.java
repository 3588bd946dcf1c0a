package org.posmaintenance.revision;

import java.util.List;

import org.posmaintenance.identity.StaffApi;
import org.posmaintenance.model.DeploymentJournal;
import org.posmaintenance.model.ModelContract;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/**
 * {@code GET /api/model-deployments}: the record of the accepted deployments of models, newest first (who,
 * when, which resources, which versions). For managers, analysts and administrators, logged into Cockpit
 * in the browser or with HTTP Basic.
 */
@RestController
public class ModelDeploymentController {

    public static final String PATH = "/api/model-deployments";
    static final List<String> READERS = List.of(ModelContract.MANAGERS, ModelContract.ANALYSTS, ModelContract.ADMINS);
    static final int MAX_LIMIT = 500;

    private final DeploymentJournal journal;

    ModelDeploymentController(DeploymentJournal journal) {
        this.journal = journal;
    }

    @GetMapping(PATH)
    ResponseEntity<?> latest(@RequestParam(defaultValue = "50") String limit) {
        int rows;
        try {
            rows = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            rows = -1;
        }
        if (rows < 1 || rows > MAX_LIMIT) {
            return ResponseEntity.badRequest().body(java.util.Map.of("error", "invalid", "field", "limit",
                    "message", "Field 'limit': must be a whole number from 1 to " + MAX_LIMIT));
        }
        return ResponseEntity.ok(journal.latest(rows));
    }

    @Configuration
    static class Access {
        @Bean
        StaffApi modelDeploymentApi() {
            return new StaffApi(PATH, READERS, "the record of model deployments");
        }
    }
}
