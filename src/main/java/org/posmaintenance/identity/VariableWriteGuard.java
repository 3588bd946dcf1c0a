package org.posmaintenance.identity;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.posmaintenance.model.ModelContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * People change a ticket only through the forms of its tasks: whatever reaches the engine over HTTP, a
 * task holder can write no other variable, and nobody but an administrator can write one directly. The
 * ticket's facts (merchant, terminal, deadlines, bill, evaluation, notification journal) are written by
 * the application's own Java code only, which calls the engine directly and is not affected.
 *
 * <p>It guards both ways into the engine: the engine REST API ({@code /engine-rest/*}, HTTP Basic; this
 * filter runs after {@code RestApiSecurity}'s authentication filter and takes the user it set) and the API
 * of Camunda's web applications ({@code /camunda/api/engine/*}, used by Tasklist and Cockpit; this filter
 * runs before Camunda's own filters there and takes the user of the session login, as they do). Members
 * of {@code camunda-admin} pass unchecked. Everyone else, on any request that changes something:
 *
 * <ul>
 * <li><b>Completing a task</b> ({@code POST task/{id}/complete}, {@code submit-form}, {@code resolve}) may
 * carry only the fields of the task's deployed Camunda Form ({@link FormFields}); any other variable:
 * 400 {@code {"type": "InvalidTaskVariableException", "message": "Variable 'merchantId' is not a field of
 * the form of Task_AnswerSurvey (answer-survey) ...", "field": "merchantId"}}. A task without a form may
 * be completed without variables only. Tasklist submits exactly the form's fields (form-js leaves out
 * disabled fields and those hidden by a condition), so it is not affected.
 * <li><b>Starting a process</b> ({@code POST process-definition/.../start}, {@code submit-form}) likewise
 * with its start form's fields (400 {@code InvalidStartVariableException}); starting somewhere else than
 * the start event ({@code startInstructions}) or skipping listeners or mappings: 403.
 * <li><b>Setting, changing or deleting variables directly</b> (any request to a {@code variables},
 * {@code localVariables} or {@code variables-async} resource of a task, process instance, execution or
 * case): 403 {@code {"type": "AuthorizationException", "message": "Variable 'responseDue' ...", "field":
 * "responseDue"}}. So is every other request that carries variables to write (message correlation,
 * signals, process instance modification, migration, conditions, external tasks, case instances, ...),
 * found by their names in the JSON body ({@code variables}, {@code localVariables},
 * {@code processVariables}, {@code processVariablesLocal}, {@code processVariablesToTriggeredScope},
 * {@code modifications}: a JSON object of variables; queries filter with lists, which pass), and a BPMN
 * error or escalation thrown at a task (a task is finished through its form). Evaluating a decision writes
 * nothing and passes.
 * </ul>
 *
 * <p>A refused request changes nothing: it never reaches the engine. Whether the caller may do what
 * passes here is still the engine's authorization check; the lookups of this filter see only what the
 * caller may see (a task or process definition he may not read passes on, and the engine refuses it as
 * before). The engine itself backs the first point up: candidate users and groups get {@code TASK_WORK}
 * on their tasks ({@code default-user-permission-name-for-task} in {@code application.yaml}), which
 * allows claiming and completing but not updating the task's variables, due date or priority.
 *
 * <p>Refusals are logged (user, request, reason). Request bodies the filter reads are limited to
 * {@value #MAX_BODY_BYTES} bytes (413 beyond).
 */
public class VariableWriteGuard extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(VariableWriteGuard.class);

    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    /** Resources through which variables are written directly (lower case). */
    private static final Set<String> VARIABLE_RESOURCES = Set.of("variables", "localvariables", "variables-async");
    /** Names under which a JSON body carries variables to write. */
    private static final Set<String> VARIABLE_PROPERTIES = Set.of("variables", "localVariables", "processVariables",
            "processVariablesLocal", "processVariablesToTriggeredScope", "modifications");
    private static final Set<String> TASK_COMPLETIONS = Set.of("complete", "submit-form", "resolve");
    private static final Set<String> PROCESS_STARTS = Set.of("start", "submit-form");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private static final String ADMINISTRATORS_ONLY = "only administrators (" + ModelContract.ADMINS + ") may set, change or"
            + " delete variables directly; a task writes its form's fields when it is completed";

    private final ProcessEngine engine;
    private final FormFields formFields;
    private final ObjectMapper json;
    private final String engineRestPath;
    private final String webappEnginePath;
    private final JsonMapper strictJson = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /**
     * @param engineRestPath   where the engine REST API is ({@code /engine-rest})
     * @param webappEnginePath where the web applications' engine API is ({@code /camunda/api/engine})
     */
    public VariableWriteGuard(ProcessEngine engine, FormFields formFields, ObjectMapper json, String engineRestPath,
                              String webappEnginePath) {
        this.engine = engine;
        this.formFields = formFields;
        this.json = json;
        this.engineRestPath = engineRestPath;
        this.webappEnginePath = webappEnginePath;
    }

    /** Who is calling: a Camunda user with his groups. */
    record Caller(String userId, List<String> groupIds, List<String> tenantIds) {
        boolean administrator() {
            return groupIds.contains(ModelContract.ADMINS);
        }
    }

    /** Why a request is refused. */
    private record Refusal(HttpStatus status, String type, String message, String field) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean webapp = path.startsWith(webappEnginePath + "/");
        if (READS.contains(method) || !(webapp || path.startsWith(engineRestPath + "/"))) {
            chain.doFilter(request, response);
            return;
        }
        List<String> resource = resource(path.substring((webapp ? webappEnginePath : engineRestPath).length()));
        Optional<Caller> caller = caller(request, webapp);
        if (caller.isEmpty()) {
            refuse(request, response, null, new Refusal(HttpStatus.UNAUTHORIZED, "AuthenticationException",
                    "Log in: variables are written only by known users", null));
            return;
        }
        if (caller.get().administrator()) {
            chain.doFilter(request, response);
            return;
        }
        Body body = new Body(request);
        Optional<Refusal> refusal;
        try {
            refusal = check(caller.get(), resource, body);
        } catch (BodyTooLarge tooLarge) {
            refusal = Optional.of(new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "InvalidRequestException",
                    "The request body is larger than " + MAX_BODY_BYTES + " bytes", null));
        } catch (BadBody bad) {
            refusal = Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "InvalidRequestException",
                    "The request body is no valid JSON: " + bad.getMessage(), null));
        }
        if (refusal.isPresent()) {
            refuse(request, response, caller.get(), refusal.get());
            return;
        }
        chain.doFilter(body.request(), response);
    }

    /** The resource path below the API's root, without the engine's name ({@code engine/default/...}). */
    private static List<String> resource(String path) {
        List<String> segments = new ArrayList<>(Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList());
        if (segments.size() >= 2 && segments.get(0).equals("engine")) {
            segments.subList(0, 2).clear();
        }
        return segments;
    }

    private Optional<Refusal> check(Caller caller, List<String> resource, Body body) throws IOException {
        for (int i = 0; i < resource.size(); i++) {
            if (VARIABLE_RESOURCES.contains(resource.get(i).toLowerCase(Locale.ROOT))) {
                String variable = i + 1 < resource.size() ? resource.get(i + 1) : firstVariable(body.jsonIfAny()).orElse(null);
                return Optional.of(forbidden(variable, (variable == null ? "Variables" : "Variable '" + variable + "'")
                        + " may not be written here: " + ADMINISTRATORS_ONLY));
            }
        }
        String first = resource.isEmpty() ? "" : resource.get(0);
        String last = resource.isEmpty() ? "" : resource.get(resource.size() - 1);
        if (first.equals("task") && resource.size() == 3 && TASK_COMPLETIONS.contains(last)) {
            return checkTaskCompletion(caller, resource.get(1), body.json());
        }
        if (first.equals("task") && resource.size() == 3 && (last.equals("bpmnError") || last.equals("bpmnEscalation"))) {
            return Optional.of(forbidden(null, "A task is finished through its form: only administrators ("
                    + ModelContract.ADMINS + ") may throw a BPMN error or escalation at a task"));
        }
        if (first.equals("process-definition") && PROCESS_STARTS.contains(last)) {
            Optional<Supplier<ProcessDefinitionQuery>> definition = startedDefinition(resource);
            if (definition.isPresent()) {
                return checkProcessStart(caller, definition.get(), body.json());
            }
        }
        if (first.equals("decision-definition") && last.equals("evaluate")) {
            return Optional.empty(); // an evaluation writes nothing
        }
        return firstVariable(body.jsonIfAny()).map(variable -> forbidden(variable,
                "Variable '" + variable + "' may not be written with this request: " + ADMINISTRATORS_ONLY));
    }

    private Optional<Refusal> checkTaskCompletion(Caller caller, String taskId, JsonNode body) {
        Task task = asCaller(caller, () -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            return Optional.empty(); // not his to see: the engine answers
        }
        Optional<FormFields.Form> form;
        try {
            form = withoutUser(() -> formFields.ofTask(task));
        } catch (ProcessEngineException unreadable) {
            return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "InvalidTaskVariableException",
                    "The form of " + task.getTaskDefinitionKey() + " cannot be read (" + unreadable.getMessage()
                            + "): the task may not be completed with variables", null));
        }
        String what = form.map(f -> "the form of " + task.getTaskDefinitionKey() + " (" + f.id() + ")")
                .orElse(task.getTaskDefinitionKey() + ", which has no form,");
        return notFormFields(body, form, "InvalidTaskVariableException", what, "a task may set only its form's fields");
    }

    private Optional<Refusal> checkProcessStart(Caller caller, Supplier<ProcessDefinitionQuery> query, JsonNode body) {
        ProcessDefinition definition = asCaller(caller, () -> query.get().singleResult());
        if (definition == null) {
            return Optional.empty(); // not his to see: the engine answers
        }
        if (body.path("startInstructions").isArray() && !body.path("startInstructions").isEmpty()
                || body.path("skipCustomListeners").asBoolean(false) || body.path("skipIoMappings").asBoolean(false)) {
            return Optional.of(forbidden(null, "A process starts at its start event: only administrators ("
                    + ModelContract.ADMINS + ") may start it elsewhere (startInstructions) or skip listeners or mappings"));
        }
        Optional<FormFields.Form> form;
        try {
            form = withoutUser(() -> formFields.ofStart(definition));
        } catch (ProcessEngineException unreadable) {
            return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "InvalidStartVariableException",
                    "The start form of " + definition.getKey() + " cannot be read (" + unreadable.getMessage()
                            + "): it may not be started with variables", null));
        }
        String what = form.map(f -> "the start form of " + definition.getKey() + " (" + f.id() + ")")
                .orElse(definition.getKey() + ", which has no start form,");
        return notFormFields(body, form, "InvalidStartVariableException", what,
                "a process may be started only with its start form's fields");
    }

    /** A refusal naming the first variable of the body that is no field of the form. */
    private static Optional<Refusal> notFormFields(JsonNode body, Optional<FormFields.Form> form, String type, String what,
                                                   String rule) {
        JsonNode variables = body.path("variables");
        if (variables.isMissingNode() || variables.isNull()) {
            return Optional.empty();
        }
        if (!variables.isObject()) {
            return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, type, "'variables' must be a JSON object", "variables"));
        }
        Set<String> fields = form.map(FormFields.Form::fields).orElse(Set.of());
        for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, type, "Variable '" + name + "' is not a field of "
                        + what + ": " + rule + (fields.isEmpty() ? "" : " (" + String.join(", ", fields) + ")"), name));
            }
        }
        return Optional.empty();
    }

    /**
     * The process definition a start request names: {@code process-definition/{id}/start},
     * {@code process-definition/key/{key}/start}, {@code process-definition/key/{key}/tenant-id/{tenant}/start}.
     */
    private Optional<Supplier<ProcessDefinitionQuery>> startedDefinition(List<String> resource) {
        var repository = engine.getRepositoryService();
        if (resource.size() == 3) {
            return Optional.of(() -> repository.createProcessDefinitionQuery().processDefinitionId(resource.get(1)));
        }
        if (resource.size() == 4 && resource.get(1).equals("key")) {
            return Optional.of(() -> repository.createProcessDefinitionQuery().processDefinitionKey(resource.get(2))
                    .withoutTenantId().latestVersion());
        }
        if (resource.size() == 6 && resource.get(1).equals("key") && resource.get(3).equals("tenant-id")) {
            return Optional.of(() -> repository.createProcessDefinitionQuery().processDefinitionKey(resource.get(2))
                    .tenantIdIn(resource.get(4)).latestVersion());
        }
        return Optional.empty();
    }

    /**
     * The name of the first variable this JSON body would write: the first name in an object under one of
     * {@link #VARIABLE_PROPERTIES}, at any depth; for {@code deletions} (a list of names) its first name.
     */
    static Optional<String> firstVariable(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (VARIABLE_PROPERTIES.contains(field.getKey()) && value.isObject() && !value.isEmpty()) {
                    return Optional.of(value.fieldNames().next());
                }
                if (field.getKey().equals("deletions") && value.isArray() && !value.isEmpty()) {
                    return Optional.of(value.get(0).asText());
                }
                Optional<String> inside = firstVariable(value);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                Optional<String> inside = firstVariable(element);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }

    private static Refusal forbidden(String variable, String message) {
        return new Refusal(HttpStatus.FORBIDDEN, "AuthorizationException", message, variable);
    }

    // ------------------------------------------------------------------------------------------- caller

    /**
     * The user of the engine REST API's authentication filter (the engine's current authentication, set
     * just before this filter) or of the web applications' session login; none when there is none.
     */
    private Optional<Caller> caller(HttpServletRequest request, boolean webapp) {
        if (!webapp) {
            Authentication current = identity().getCurrentAuthentication();
            return current == null || current.getUserId() == null ? Optional.empty() : Optional.of(
                    new Caller(current.getUserId(), listOrEmpty(current.getGroupIds()), listOrEmpty(current.getTenantIds())));
        }
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        var login = authentications == null ? null : authentications.getAuthenticationForProcessEngine(engine.getName());
        if (!(login instanceof UserAuthentication user) || user.getIdentityId() == null) {
            return Optional.empty();
        }
        // the groups afresh, not those cached in the session at login: a removed administrator is no longer one
        List<String> groups = withoutUser(() -> identity().createGroupQuery().groupMember(user.getIdentityId()).list())
                .stream().map(Group::getId).toList();
        return Optional.of(new Caller(user.getIdentityId(), groups, listOrEmpty(user.getTenantIds())));
    }

    private static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    /** Runs a query with the caller's authorizations, so that it finds only what he may see. */
    private <T> T asCaller(Caller caller, Supplier<T> query) {
        Authentication previous = identity().getCurrentAuthentication();
        identity().setAuthentication(caller.userId(), caller.groupIds(), caller.tenantIds());
        try {
            return query.get();
        } finally {
            restore(previous);
        }
    }

    /** Runs without an authenticated user: the application's own reading, not limited by the caller's grants. */
    private <T> T withoutUser(Supplier<T> work) {
        Authentication previous = identity().getCurrentAuthentication();
        identity().clearAuthentication();
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    private void restore(Authentication previous) {
        if (previous == null) {
            identity().clearAuthentication();
        } else {
            identity().setAuthentication(previous);
        }
    }

    private IdentityService identity() {
        return engine.getIdentityService();
    }

    // ------------------------------------------------------------------------------------------- body

    private static final class BodyTooLarge extends IOException {
    }

    private static final class BadBody extends IOException {
        BadBody(String message) {
            super(message);
        }
    }

    /** The request's body, read once when a check needs it and then replayed to the API. */
    private final class Body {

        private final HttpServletRequest request;
        private byte[] bytes;

        Body(HttpServletRequest request) {
            this.request = request;
        }

        /** The body as JSON ({@code {}} when empty), whatever its content type claims. */
        JsonNode json() throws IOException {
            byte[] content = bytes();
            if (content.length == 0 || new String(content, StandardCharsets.UTF_8).isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return strictJson.readTree(content);
            } catch (JsonProcessingException notJson) {
                throw new BadBody(notJson.getOriginalMessage());
            }
        }

        /**
         * The body as JSON, or nothing when it is a form or multipart upload (which no API that writes
         * variables from JSON takes: uploads of variables go to a {@code variables} resource).
         */
        JsonNode jsonIfAny() throws IOException {
            String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
            if (type.startsWith("multipart/") || type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
                return MissingNode.getInstance();
            }
            return json();
        }

        private byte[] bytes() throws IOException {
            if (bytes == null) {
                byte[] read = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
                if (read.length > MAX_BODY_BYTES) {
                    throw new BodyTooLarge();
                }
                bytes = read;
            }
            return bytes;
        }

        /** The request to pass on: with the body replayed when it was read. */
        HttpServletRequest request() {
            return bytes == null ? request : new ReplayedBody(request, bytes);
        }
    }

    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    // ------------------------------------------------------------------------------------------- answer

    private void refuse(HttpServletRequest request, HttpServletResponse response, Caller caller, Refusal refusal)
            throws IOException {
        LOG.warn("Refused {} {} of {}: {}", request.getMethod(), request.getRequestURI(),
                caller == null ? "an unknown user" : caller.userId(), refusal.message());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", refusal.type());
        body.put("message", refusal.message());
        if (refusal.field() != null) {
            body.put("field", refusal.field());
        }
        if (caller != null) {
            body.put("userId", caller.userId());
        }
        response.setStatus(refusal.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), body);
    }
}
