package org.posmaintenance.records;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.posmaintenance.identity.FormFields;
import org.posmaintenance.ticket.Actor;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What each person entered at a ticket's task, kept with the ticket's records ({@code ticket_task_entry}): when a
 * user task of a ticket is completed, the values of its form's fields at completion (a field the person did not
 * fill keeps an earlier value of the ticket), who completed it and when, in the completion's transaction. Added to
 * every user task of every deployed model by a parse listener (no revision of a model can leave it out), after the
 * model's own listeners, so that a refused completion records nothing.
 */
@Component
public class TaskEntries extends AbstractProcessEnginePlugin {

    /** An entry: the task, who, when, and the fields as JSON text. */
    public record Entry(String taskKey, String taskName, String enteredBy, Instant enteredAt, String fields) {
    }

    static final int MAX_LENGTH = 10_000;

    private final JdbcTemplate jdbc;
    private final TicketRegistry registry;
    private final ObjectProvider<FormFields> forms;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile FormFields formFields;

    public TaskEntries(JdbcTemplate jdbc, TicketRegistry registry, ObjectProvider<FormFields> forms, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.forms = forms;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener recorder = this::record;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                // after the model's own listeners, which check the input: a refused completion records nothing
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_COMPLETE, recorder);
            }
        });
    }

    /** The ticket's entries, oldest first. */
    public List<Entry> of(String ticketNumber) {
        return jdbc.query("SELECT * FROM ticket_task_entry WHERE ticket_number = ? ORDER BY id", (row, index) -> new Entry(
                row.getString("task_key"), row.getString("task_name"), row.getString("entered_by"),
                TicketRegistry.instant(row, "entered_at"), row.getString("fields")), ticketNumber);
    }

    private void record(DelegateTask task) {
        Optional<TicketRegistry.Ticket> ticket = registry.findByProcessInstance(task.getProcessInstanceId());
        if (ticket.isEmpty()) {
            return; // a task of another process (the cancellation's) or of a ticket not yet registered
        }
        // the form is read by the engine's form service, whatever the completing user may read
        Optional<FormFields.Form> form = Context.getCommandContext()
                .runWithoutAuthorization(() -> forms().ofTask((TaskEntity) task));
        ObjectNode fields = json.createObjectNode();
        form.ifPresent(found -> found.fields().stream().sorted().forEach(name -> {
            TypedValue value = task.getVariableTyped(name, false);
            if (value != null) {
                fields.set(name, json.valueToTree(plain(value)));
            }
        }));
        jdbc.update("INSERT INTO ticket_task_entry (ticket_number, task_key, task_name, entered_by, entered_at, fields)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", ticket.get().number(), task.getTaskDefinitionKey(),
                TicketRegistry.clip(task.getName(), 200), TicketRegistry.clip(Actor.of(task), 64),
                Timestamp.from(clock.instant()), TicketRegistry.clip(fields.toString(), MAX_LENGTH));
    }

    /** The form reader, found once (it needs the engine's services, which need this plugin first). */
    private FormFields forms() {
        FormFields found = formFields;
        if (found == null) {
            found = forms.getObject();
            formFields = found;
        }
        return found;
    }

    /** JSON as its tree, a date as its instant, everything else as it is. */
    private Object plain(TypedValue value) {
        if (value instanceof SerializableValue serializable && serializable.getValueSerialized() != null) {
            try {
                return json.readTree(serializable.getValueSerialized());
            } catch (JsonProcessingException e) {
                return serializable.getValueSerialized();
            }
        }
        if (value.getValue() instanceof Date date) {
            return date.toInstant().toString();
        }
        return value.getValue();
    }
}
