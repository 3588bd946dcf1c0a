package org.posmaintenance.ticket;

import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.springframework.stereotype.Component;

import com.github.f4b6a3.ulid.UlidFactory;

/**
 * The ids of the engine's rows: ULIDs, 26 characters of Crockford's base 32 with the time in milliseconds first, in
 * place of the Spring Boot starter's time-based UUIDs (36 characters, with the low bits of the time first, so that
 * consecutive ids land all over an index). Every engine table keys its rows by these ids and indexes the ids of
 * related rows (process instance, execution, task, activity instance...), so shorter ids that grow with time make
 * every one of those indexes smaller and their inserts append at the right end instead of splitting pages
 * everywhere: about a fifth of a ticket's bytes (BENCHMARKS.md, issue 14).
 * <p>
 * Unique across the nodes of a cluster as the UUIDs were: 80 random bits per millisecond, counted up within a
 * millisecond on one node (monotonic). The digits and capital letters sort the same in every collation. Rows of an
 * older release keep their UUIDs beside the new ids: nothing reads a meaning from an id's form.
 */
@Component
public class OrderedIds implements IdGenerator {

    private final UlidFactory factory = UlidFactory.newMonotonicInstance();

    @Override
    public String getNextId() {
        return factory.create().toString();
    }
}
