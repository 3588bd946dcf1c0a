package org.posmaintenance.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The ticket's row as a step sees it: read once per transaction, its own changes taken over, nothing kept beyond. */
class TicketRegistryTest extends ProcessScenarioTest {

    @Autowired PlatformTransactionManager transactionManager;

    @Test
    void aStepSeesItsOwnChangesWithoutReadingTheRowAgainAndNothingOutlivesItsTransaction() {
        ProcessInstance ticket = startTicket(report());
        String processInstanceId = ticket.getId();
        Instant visit = Instant.parse("2026-11-26T06:00:00Z");
        TransactionTemplate step = new TransactionTemplate(transactionManager);

        step.executeWithoutResult(status -> {
            assertThat(registry.ofProcess(processInstanceId).slaState()).isEqualTo("ON_TRACK");
            // a write behind the registry's back is not seen: the row is kept for the transaction
            jdbc.update("UPDATE ticket SET responder = 'someone' WHERE process_instance_id = ?", processInstanceId);
            assertThat(registry.ofProcess(processInstanceId).responder()).isNull();

            registry.apply(processInstanceId, registry.changes().set("sla_state", "AT_RISK").set("visit_at", visit));
            TicketRegistry.Ticket kept = registry.ofProcess(processInstanceId);
            assertThat(kept.slaState()).isEqualTo("AT_RISK");
            assertThat(kept.visitAt()).isEqualTo(visit);
            assertThat(kept.responder()).as("the kept row, not read again").isNull();
            assertThat(jdbc.queryForObject("SELECT sla_state FROM ticket WHERE process_instance_id = ?", String.class,
                    processInstanceId)).as("written").isEqualTo("AT_RISK");

            // code that writes the table itself says so, and the row is read again
            registry.changed();
            assertThat(registry.ofProcess(processInstanceId).responder()).isEqualTo("someone");
            status.setRollbackOnly();
        });

        TicketRegistry.Ticket after = registry.ofProcess(processInstanceId);
        assertThat(after.slaState()).as("rolled back").isEqualTo("ON_TRACK");
        assertThat(after.visitAt()).isNull();
        assertThat(after.responder()).isNull();
    }

    @Test
    void changesToATicketThatIsNotThereAreRefused() {
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                registry.apply("no-such-instance", registry.changes().set("sla_state", "AT_RISK"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-instance");
    }
}
