package org.posmaintenance.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Set;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.instance.CoreExecution;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's history level {@value #NAME} ({@code camunda.bpm.history-level}): what the level {@code full} keeps
 * (process, activity and task instances, incidents, decisions, the job log, the user operation log, identity links)
 * except what only repeats the ticket's records or tells nothing:
 * <ul>
 * <li>the history of process variables: variables are routing state and copies of the ticket's records (the facts,
 * and what each person entered at a task, are in the application's tables);</li>
 * <li>the evaluations of decision tables: the application evaluates its tables once per version and inputs
 * ({@code model.LookupTables}) and records what each gave with the ticket (the triage's proposal with the fault it
 * was made for, the deadlines' basis, each bill line's basis);</li>
 * <li>gateways, none start events and none intermediate events (where a stage starts) in the activity history: they
 * pass in no time, and the path shows in the tasks, sub-processes and end events around them (the stage, in the
 * ticket's record);</li>
 * <li>the creation and deletion of jobs in the job log (a timer armed and cancelled as the ticket moves on): the log
 * keeps what ran, and every failure with its stack trace.</li>
 * </ul>
 * Together these are more than half of what the engine writes for a ticket (BENCHMARKS.md, issue 14).
 * <p>
 * A database created by an older release says {@code full}; the engine refuses to start on a level other than the
 * database's, so this plugin switches the database's level from {@code full} to this one before the engine checks.
 */
@Component
public class RecordsHistoryLevel extends AbstractProcessEnginePlugin implements HistoryLevel {

    public static final String NAME = "records";
    /** The id kept in {@code ACT_GE_PROPERTY}; the engine's own levels are 0 to 3. */
    public static final int ID = 21;
    private static final Logger LOG = LoggerFactory.getLogger(RecordsHistoryLevel.class);
    private static final Set<HistoryEventType> LEFT_OUT = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, HistoryEventTypes.VARIABLE_INSTANCE_DELETE,
            HistoryEventTypes.FORM_PROPERTY_UPDATE, HistoryEventTypes.DMN_DECISION_EVALUATE, HistoryEventTypes.JOB_CREATE,
            HistoryEventTypes.JOB_DELETE);

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** The events of an activity's start and end, whose source is the activity (updates come from a waiting task). */
    private static final Set<HistoryEventType> STARTS_AND_ENDS = Set.of(HistoryEventTypes.ACTIVITY_INSTANCE_START,
            HistoryEventTypes.ACTIVITY_INSTANCE_END);
    private static final Set<String> ACTIVITIES_WITHOUT_HISTORY = Set.of(ActivityTypes.GATEWAY_EXCLUSIVE,
            ActivityTypes.GATEWAY_INCLUSIVE, ActivityTypes.GATEWAY_PARALLEL, ActivityTypes.START_EVENT,
            ActivityTypes.INTERMEDIATE_EVENT_NONE_THROW);

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (LEFT_OUT.contains(eventType) || !HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity)) {
            return false;
        }
        if (STARTS_AND_ENDS.contains(eventType) && entity instanceof CoreExecution execution && execution.getEventSource() != null) {
            return !ACTIVITIES_WITHOUT_HISTORY.contains((String) execution.getEventSource().getProperty("type"));
        }
        return true;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryLevels() == null) {
            configuration.setCustomHistoryLevels(new ArrayList<>());
        }
        configuration.getCustomHistoryLevels().add(this);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (NAME.equals(configuration.getHistory())) {
            switchFromFull(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
        }
    }

    /** On a database an older release created with the level {@code full}, its level becomes this one. */
    static void switchFromFull(DataSource dataSource, String tablePrefix) {
        String prefix = tablePrefix == null ? "" : tablePrefix;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + prefix + "ACT_GE_PROPERTY SET VALUE_ = ?"
                     + " WHERE NAME_ = 'historyLevel' AND VALUE_ = ?")) {
            update.setString(1, Integer.toString(ID));
            update.setString(2, Integer.toString(new HistoryLevelFull().getId()));
            if (update.executeUpdate() > 0) {
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                LOG.info("The engine's history level changes from full to {}: process variables are no longer kept in the"
                        + " history, their facts are the ticket's records", NAME);
            }
        } catch (SQLException e) {
            // a new database: the engine has not created its tables yet, and will store this level
            LOG.debug("No history level to switch yet: {}", e.getMessage());
        }
    }
}
