package org.posmaintenance.revision;

import java.util.List;

/** What a migration did (or, in a dry run, would do), per source version. */
public record MigrationReport(Version target, List<Source> sources, boolean dryRun) {

    /** A deployed version of the maintenance process. */
    public record Version(String id, int version, String versionTag) {
    }

    /**
     * @param tickets  running tickets of this version when the migration started
     * @param migrated tickets moved to the target (0 in a dry run; for a batch, the batch reports them)
     * @param batchId  the Camunda batch doing the work, when run as a batch
     */
    public record Source(Version version, int instructions, long tickets, long migrated, String batchId) {
    }

    public long totalTickets() {
        return sources.stream().mapToLong(Source::tickets).sum();
    }
}
