package org.posmaintenance.ticket;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * The engine checks the id of every row it inserts (not null, not the reserved {@code *}) and builds the message of
 * that check, with the whole row as text, before it knows whether the id is bad: for a row with dates (an activity
 * instance, a timer, a date variable) that text costs more than the check, and a ticket inserts about a hundred rows.
 * This plugin gives the engine an entity manager that makes the same check and builds the same message only when the
 * id is bad (4 % of a real ticket's processor time and 2 % of a bare one's in the profile of issue 14, BENCHMARKS.md).
 */
@Component
public class RowIdCheck extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // the engine adds the custom session factories after its own: this one takes the place of DbEntityManagerFactory
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        factories.add(new Factory(configuration));
        configuration.setCustomSessionFactories(factories);
    }

    /** Opens a {@link Manager} per command, with the id generator the engine was built with. */
    static final class Factory extends DbEntityManagerFactory {

        private final ProcessEngineConfigurationImpl configuration;

        Factory(ProcessEngineConfigurationImpl configuration) {
            super(null);
            this.configuration = configuration;
        }

        @Override
        public DbEntityManager openSession() {
            PersistenceSession persistence = Context.getCommandContext().getSession(PersistenceSession.class);
            return new Manager(configuration.getIdGenerator(), persistence);
        }
    }

    /** The engine's entity manager, with the id check's message built only for a bad id. */
    static final class Manager extends DbEntityManager {

        Manager(IdGenerator ids, PersistenceSession persistence) {
            super(ids, persistence);
        }

        @Override
        protected void validateId(DbEntity row) {
            String id = row.getId();
            if (id == null || "*".equals(id)) {
                super.validateId(row);
            }
        }
    }
}
