package org.posmaintenance.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;

/** The engine's rows are inserted with the same id check as before, its message built only for a bad id. */
class RowIdCheckTest extends ProcessScenarioTest {

    /** A row that counts how often it is turned into text. */
    private static final class Row extends ExecutionEntity {
        final AtomicInteger asText = new AtomicInteger();

        Row(String id) {
            setId(id);
        }

        @Override
        public String toString() {
            asText.incrementAndGet();
            return "Row[" + getId() + "]";
        }
    }

    @Test
    void aGoodIdPassesWithoutTheRowAsTextABadOneIsRefusedAsTheEngineDoes() {
        RowIdCheck.Manager manager = new RowIdCheck.Manager(null, null);

        Row good = new Row("01KBJ0M8ZQ4T7S0W3VJ5N2D6XY");
        assertThatCode(() -> manager.validateId(good)).doesNotThrowAnyException();
        assertThat(good.asText).hasValue(0);

        assertThatThrownBy(() -> manager.validateId(new Row(null))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Row[null] has an invalid id").hasMessageContaining("id is null");
        assertThatThrownBy(() -> manager.validateId(new Row("*"))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Row[*] has an invalid id").hasMessageContaining("reserved identifier");
    }

    @Test
    void theEngineInsertsItsRowsThroughIt() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.getSessionFactories().get(DbEntityManager.class)).isInstanceOf(RowIdCheck.Factory.class);
        DbEntityManager opened = configuration.getCommandExecutorTxRequired().execute(context ->
                context.getDbEntityManager());
        assertThat(opened).isInstanceOf(RowIdCheck.Manager.class);

        // and a ticket still runs: its rows got ids from the id generator the engine was built with
        String processInstanceId = startTicket(report()).getId();
        assertThat(processInstanceId).hasSize(26);
    }
}
