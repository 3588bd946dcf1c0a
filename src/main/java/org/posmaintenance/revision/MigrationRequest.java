package org.posmaintenance.revision;

import java.util.List;
import java.util.Map;

/**
 * What to migrate: the running tickets of the older versions of the maintenance process (all, or
 * {@code sourceVersions}) to the latest version (or the version tagged {@code targetVersionTag}).
 *
 * @param activityMappings    old activity id to new activity id, for activities an analyst renamed;
 *                            activities with the same id in both versions are mapped anyway
 * @param updateEventTriggers recompute timers and message subscriptions from the new version's definitions
 * @param batch               run as a Camunda batch (by the job executor, seen in Cockpit) instead of at once
 * @param dryRun              validate the plans and count the tickets, migrate nothing
 */
public record MigrationRequest(String targetVersionTag, List<Integer> sourceVersions, Map<String, String> activityMappings,
                               boolean updateEventTriggers, boolean batch, boolean dryRun) {

    public MigrationRequest {
        sourceVersions = sourceVersions == null ? List.of() : List.copyOf(sourceVersions);
        activityMappings = activityMappings == null ? Map.of() : Map.copyOf(activityMappings);
    }

    /** Every older version's running tickets to the latest version, at once. */
    public static MigrationRequest allToLatest() {
        return new MigrationRequest(null, null, null, false, false, false);
    }
}
