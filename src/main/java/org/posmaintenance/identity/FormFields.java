package org.posmaintenance.identity;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The variables a task's or a start event's deployed Camunda Form writes: what Tasklist submits when the
 * form is completed, and so the only variables a person may set (see {@link VariableWriteGuard}).
 *
 * <p>The form is found as the engine finds it for Tasklist ({@link FormService#getDeployedTaskForm},
 * {@link FormService#getDeployedStartForm}: {@code camunda:formRef} with its binding). Its fields are the
 * variables form-js submits: the first segment of each component's {@code key} (a key {@code a.b} writes
 * the variable {@code a}), also inside groups; a group or dynamic list with a {@code path} writes that path
 * as one variable, its components inside it. Disabled components are not submitted, so they are no fields;
 * read-only ones are submitted, so they are. Text, buttons, images and the like write nothing.
 *
 * <p>Process definitions never change, so the fields are cached per process definition, task definition
 * key and form reference (a reference by expression may name another form for another ticket); a
 * reference bound to the latest form version is read afresh each time.
 *
 * <p>Call it without an authenticated user (the caller has already been found allowed to see the task or
 * process definition): the engine's authorization would otherwise apply to reading the form.
 */
@Component
public class FormFields {

    /** A deployed form: its id ({@code answer-survey}) and the variables it writes, in form order. */
    public record Form(String id, Set<String> fields) {
    }

    /** Component types that take no input, even if a key was left on them. */
    private static final Set<String> NO_INPUT = Set.of("text", "button", "image", "spacer", "separator", "html", "iframe",
            "table", "documentPreview");

    private final FormService forms;
    private final ObjectMapper json;
    private final Map<String, Optional<Form>> cache = new ConcurrentHashMap<>();

    public FormFields(FormService forms, ObjectMapper json) {
        this.forms = forms;
        this.json = json;
    }

    /** The form of this task, none when it has none (a task without a form may write no variable). */
    public Optional<Form> ofTask(Task task) {
        if (task.getProcessDefinitionId() == null) {
            return Optional.empty(); // a standalone task: no model, no form
        }
        String element = task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey();
        FormSource source = () -> forms.getDeployedTaskForm(task.getId());
        if (task instanceof TaskEntity entity && Context.getCommandContext() != null) {
            // inside the engine's command (a task listener): the task's own reference, without a command of the form
            // service and the form data it builds
            entity.initializeFormKey();
            return cached(element, entity.getCamundaFormRef(), entity.getFormKey(), source);
        }
        FormData form = forms.getTaskFormData(task.getId());
        return form == null ? Optional.empty() : cached(element, form.getCamundaFormRef(), form.getFormKey(), source);
    }

    /** The start form of this process definition, none when it has none. */
    public Optional<Form> ofStart(ProcessDefinition definition) {
        FormData form = forms.getStartFormData(definition.getId());
        return form == null ? Optional.empty() : cached(definition.getId() + "/start", form.getCamundaFormRef(),
                form.getFormKey(), () -> forms.getDeployedStartForm(definition.getId()));
    }

    private interface FormSource {
        InputStream open();
    }

    private Optional<Form> cached(String element, CamundaFormRef ref, String formKey, FormSource source) {
        if ((ref == null || ref.getKey() == null) && formKey == null) {
            return Optional.empty();
        }
        if (ref != null && "latest".equals(ref.getBinding())) {
            return read(source);
        }
        String key = element + "/" + (ref != null ? ref.getKey() + ":" + ref.getBinding() + ":" + ref.getVersion() : formKey);
        return cache.computeIfAbsent(key, ignored -> read(source));
    }

    private Optional<Form> read(FormSource source) {
        try (InputStream in = source.open()) {
            JsonNode form = json.readTree(in);
            return Optional.of(new Form(form.path("id").asText(""), fields(form)));
        } catch (IOException notJson) {
            // not a Camunda Form (an embedded HTML form, refused by the deployment guard): no known fields
            return Optional.of(new Form("", Set.of()));
        }
    }

    /** The variables a Camunda Form (its JSON) submits. */
    public static Set<String> fields(JsonNode form) {
        Set<String> fields = new LinkedHashSet<>();
        collect(form.path("components"), fields);
        return fields;
    }

    private static void collect(JsonNode components, Set<String> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            String path = component.path("path").asText("");
            if (!path.isBlank() && (type.equals("group") || type.equals("dynamiclist"))) {
                fields.add(firstSegment(path)); // its components write inside this variable
                continue;
            }
            String key = component.path("key").asText("");
            if (!key.isBlank() && !NO_INPUT.contains(type) && !component.path("disabled").asBoolean(false)) {
                fields.add(firstSegment(key));
            }
            collect(component.path("components"), fields);
        }
    }

    private static String firstSegment(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }
}
