package org.posmaintenance.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An analyst deploys a revised model (src/test/resources/revisions/PosTerminalMaintenance-1.3.0.bpmn: the
 * hotline confirms the repair with the merchant before billing) and moves the running tickets to it with
 * the migration command, {@code POST /api/process-revisions/migrations}. Every ticket then finishes on
 * the new version.
 */
class TicketMigrationTest extends ProcessScenarioTest {

    static final String REVISED_MODEL = "revisions/PosTerminalMaintenance-1.3.0.bpmn";
    /** The model of the previous release, as it was deployed then. */
    static final String PREVIOUS_MODEL = "revisions/PosTerminalMaintenance-1.2.2.bpmn";
    /** The last model whose five stages were sub-processes (the repair's still is), as it was deployed. */
    static final String STAGE_SUB_PROCESSES_MODEL = "revisions/PosTerminalMaintenance-1.2.3.bpmn";

    @Autowired RepositoryService repositoryService;
    @Autowired TestRestTemplate http;
    @LocalServerPort int port;

    private final List<Deployment> revisions = new ArrayList<>();
    private ProcessDefinition current;

    @BeforeEach
    void currentModel() {
        current = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_ID).latestVersion().singleResult();
        assertThat(current.getVersionTag()).isEqualTo("1.2.4");
    }

    @AfterEach
    void withdrawRevisions() {
        revisions.forEach(revision -> repositoryService.deleteDeployment(revision.getId(), true));
    }

    @Test
    void ticketsWaitingInEveryStageMoveToTheRevisedModelAndFinishThere() {
        // ---- tickets on the current version, waiting in each stage that has wait states
        Map<String, ProcessInstance> tickets = ticketsBeforeTheRepair();
        ProcessInstance remote = tickets.get("remote support");
        ProcessInstance mailIn = ticketRepairedAtCentreWithLoaner("LOAN-A920-011");
        tickets.put("loaner out", mailIn);
        ProcessInstance upgrade = ticketRepairedRemotely(report(newTerminal(MERCHANT, "3.3.0", "2027-06-30", "PURCHASE")));
        tickets.put("upgrade window", upgrade);
        ProcessInstance survey = ticketRepairedRemotely(report());
        executeJobAt(survey, "Task_SendSurvey");
        tickets.put("survey", survey);

        assertThat(tickets.get("diagnosis job")).isWaitingAt("Task_DiagnoseFault");
        assertThat(tickets.get("confirm diagnosis")).isWaitingAt("Task_ConfirmDiagnosis");
        assertThat(remote).isWaitingAt("Task_RemoteSupport");
        assertThat(mailIn).isWaitingAt("Task_ReceiveLoaner", "Task_AnswerSurvey");
        assertThat(upgrade).isWaitingAt("TimerEvent_UpgradeWindowOpens");
        assertThat(survey).isWaitingAt("Task_AnswerSurvey");
        Date responseDue = timerAt(tickets.get("confirm diagnosis"), "BoundaryEvent_ResponseSlaBreached").getDuedate();
        Date reminderDue = timerAt(mailIn, "BoundaryEvent_LoanerReturnReminder").getDuedate();

        ProcessDefinition revised = deploy(Bpmn.readModelFromStream(resource(REVISED_MODEL)));
        assertThat(revised.getVersionTag()).isEqualTo("1.3.0");
        assertThat(revised.getVersion()).isEqualTo(current.getVersion() + 1);

        // ---- only analysts (and administrators) may migrate
        assertThat(http.postForEntity(MIGRATIONS, Map.of(), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("tom", "tom-demo").postForEntity(MIGRATIONS, Map.of(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // ---- a dry run says what would move, and moves nothing
        ResponseEntity<Map> dryRun = analyst().postForEntity(MIGRATIONS, Map.of("dryRun", true), Map.class);
        assertThat(dryRun.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dryRun.getBody()).extractingByKey("target").extracting("versionTag").isEqualTo("1.3.0");
        assertThat((List<Map<String, Object>>) dryRun.getBody().get("sources")).singleElement().satisfies(source -> {
            assertThat(source.get("version")).extracting("versionTag").isEqualTo("1.2.4");
            assertThat(source).containsEntry("tickets", 6).containsEntry("migrated", 0);
        });
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(revised.getId()).count()).isZero();

        // ---- the migration
        ResponseEntity<Map> migration = analyst().postForEntity(MIGRATIONS, Map.of(), Map.class);
        assertThat(migration.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) migration.getBody().get("sources")).singleElement()
                .satisfies(source -> assertThat(source).containsEntry("tickets", 6).containsEntry("migrated", 6));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(current.getId()).count()).isZero();
        tickets.values().forEach(ticket -> assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceId(ticket.getId()).singleResult().getProcessDefinitionId()).isEqualTo(revised.getId()));
        // deadlines already set are kept
        assertThat(timerAt(tickets.get("confirm diagnosis"), "BoundaryEvent_ResponseSlaBreached").getDuedate()).isEqualTo(responseDue);
        assertThat(timerAt(mailIn, "BoundaryEvent_LoanerReturnReminder").getDuedate()).isEqualTo(reminderDue);

        // ---- every ticket finishes on the new version; those not yet billed pass the new task
        tickets.values().forEach(this::finish);
        for (Map.Entry<String, ProcessInstance> ticket : tickets.entrySet()) {
            HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(ticket.getValue().getId()).singleResult();
            assertThat(ended.getState()).as(ticket.getKey()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
            assertThat(ended.getProcessDefinitionId()).as(ticket.getKey()).isEqualTo(revised.getId());
            assertThat(ended.getEndActivityId()).as(ticket.getKey()).isEqualTo("EndEvent_TicketClosed");
        }
        for (String beforeBilling : List.of("diagnosis job", "confirm diagnosis", "remote support")) {
            assertThat(tickets.get(beforeBilling)).as(beforeBilling).hasPassed("Task_ConfirmRepairWithMerchant", "Task_BillParts");
        }
        for (String afterBilling : List.of("loaner out", "upgrade window", "survey")) {
            assertThat(tickets.get(afterBilling)).as(afterBilling).hasNotPassed("Task_ConfirmRepairWithMerchant");
        }
    }

    /**
     * Tickets of the previous release's model (1.2.2: after the repair two parallel branches, the loaner check on one of
     * them) move to this release's (one path, the loaner return besides it only while a loaner is out) and finish there:
     * one waiting for its loaner and its survey, one whose empty loaner branch waits at the end for the survey.
     */
    @Test
    void ticketsOfThePreviousModelWithItsParallelBranchesMoveToThisOneAndFinish() {
        ProcessDefinition previous = deploy(Bpmn.readModelFromStream(resource(PREVIOUS_MODEL)));
        assertThat(previous.getVersionTag()).isEqualTo("1.2.2");
        ProcessInstance mailIn = ticketRepairedAtCentreWithLoaner("LOAN-A920-012");
        ProcessInstance survey = ticketRepairedRemotely(report());
        executeJobAt(survey, "Task_SendSurvey");
        assertThat(mailIn).isWaitingAt("Task_ReceiveLoaner", "Task_AnswerSurvey");
        assertThat(survey).isWaitingAt("Task_AnswerSurvey");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ = ? AND IS_CONCURRENT_ = TRUE",
                Integer.class, survey.getId())).as("the previous model's parallel branches").isEqualTo(2);

        ProcessDefinition release = deployRelease();
        assertThat(release.getVersionTag()).isEqualTo(current.getVersionTag());
        ResponseEntity<Map> migration = analyst().postForEntity(MIGRATIONS,
                Map.of("sourceVersions", List.of(previous.getVersion())), Map.class);
        assertThat(migration.getStatusCode()).as("%s", migration.getBody()).isEqualTo(HttpStatus.OK);
        for (ProcessInstance ticket : List.of(mailIn, survey)) {
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(ticket.getId()).singleResult()
                    .getProcessDefinitionId()).isEqualTo(release.getId());
        }

        // the moved loaner ticket waits for its loaner after its survey, at the join it came with
        complete(mailIn, "Task_AnswerSurvey", answers("Task_AnswerSurvey"));
        executeJobAt(mailIn, "Task_RecordEvaluation");
        assertThat(mailIn).isNotEnded().isWaitingAt("Task_ReceiveLoaner");
        finish(survey);
        finish(mailIn);
        for (ProcessInstance ticket : List.of(mailIn, survey)) {
            HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(ticket.getId()).singleResult();
            assertThat(ended.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
            assertThat(ended.getEndActivityId()).isEqualTo("EndEvent_TicketClosed");
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(ticket.getId())
                    .activityId("Task_CloseTicket").count()).as("closed once").isEqualTo(1);
        }
        assertThat(mailIn).hasPassed("EndEvent_LoanerBack", "Task_RecordEvaluation");
    }

    @Test
    void aRenamedActivityWhereTicketsWaitMustBeMappedAndThenTheyMove() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        BpmnModelInstance renamed = Bpmn.readModelFromStream(resource(REVISED_MODEL));
        UserTask confirm = renamed.getModelElementById("Task_ConfirmDiagnosis");
        confirm.setId("Task_ReviewDiagnosis");
        ProcessDefinition revised = deploy(renamed);

        ResponseEntity<Map> refused = analyst().postForEntity(MIGRATIONS, Map.of(), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((List<String>) refused.getBody().get("problems")).singleElement().asString()
                .contains("1 ticket(s)", "wait at Task_ConfirmDiagnosis", "activityMappings");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(ticket.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(current.getId());

        ResponseEntity<Map> migrated = analyst().postForEntity(MIGRATIONS,
                Map.of("activityMappings", Map.of("Task_ConfirmDiagnosis", "Task_ReviewDiagnosis")), Map.class);
        assertThat(migrated.getStatusCode()).as("%s", migrated.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(ticket).isWaitingAt("Task_ReviewDiagnosis");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(ticket.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(revised.getId());
    }

    @Test
    void badRequestsNameTheField() {
        ResponseEntity<Map> unknownTag = analyst().postForEntity(MIGRATIONS, Map.of("targetVersionTag", "9.9.9"), Map.class);
        assertThat(unknownTag.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownTag.getBody()).containsEntry("field", "targetVersionTag");
        assertThat((String) unknownTag.getBody().get("message")).contains("9.9.9");

        ResponseEntity<Map> unknownVersion = analyst().postForEntity(MIGRATIONS, Map.of("sourceVersions", List.of(999)), Map.class);
        assertThat(unknownVersion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownVersion.getBody()).containsEntry("field", "sourceVersions");
        assertThat((String) unknownVersion.getBody().get("message")).contains("999");

        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> notJson = analyst().postForEntity(MIGRATIONS,
                new HttpEntity<>("{\"dryRun\": \"perhaps\"}", json), Map.class);
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notJson.getBody()).containsEntry("field", "body");
    }

    static final String MIGRATIONS = "/api/process-revisions/migrations";

    /**
     * Tickets of model 1.2.3, whose stages were sub-processes, move to this release's, whose stages are groups (the
     * repair's a sub-process still), with nothing named but the version: each step keeps its id, each timer its due
     * date, and every ticket finishes with its stages recorded.
     */
    @Test
    void ticketsInTheStageSubProcessesOf123MoveToTheStageGroupsAndFinish() {
        ProcessDefinition stages = deploy(Bpmn.readModelFromStream(resource(STAGE_SUB_PROCESSES_MODEL)));
        assertThat(stages.getVersionTag()).isEqualTo("1.2.3");
        Map<String, ProcessInstance> tickets = ticketsBeforeTheRepair();
        ProcessInstance remote = tickets.get("remote support");
        tickets.put("upgrade window", ticketRepairedRemotely(report(newTerminal(MERCHANT, "3.3.0", "2027-06-30", "PURCHASE"))));
        ProcessInstance survey = ticketRepairedRemotely(report());
        executeJobAt(survey, "Task_SendSurvey");
        tickets.put("survey", survey);
        tickets.values().forEach(ticket -> assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(ticket.getId())
                .singleResult().getProcessDefinitionId()).isEqualTo(stages.getId()));
        assertThat(tickets.get("confirm diagnosis")).isWaitingAt("Task_ConfirmDiagnosis");
        assertThat(tickets.get("upgrade window")).isWaitingAt("TimerEvent_UpgradeWindowOpens");
        Map<String, Date> due = new LinkedHashMap<>();
        due.put("response", timerAt(tickets.get("confirm diagnosis"), "BoundaryEvent_ResponseSlaBreached").getDuedate());
        due.put("warning", timerAt(tickets.get("confirm diagnosis"), "BoundaryEvent_ResponseSlaAtRisk").getDuedate());
        due.put("window", timerAt(tickets.get("upgrade window"), "TimerEvent_UpgradeWindowOpens").getDuedate());
        due.put("survey", timerAt(survey, "BoundaryEvent_SurveyExpired").getDuedate());

        ProcessDefinition release = deployRelease();
        assertThat(release.getVersionTag()).isEqualTo(current.getVersionTag());
        ResponseEntity<Map> migration = analyst().postForEntity(MIGRATIONS, Map.of("sourceVersions", List.of(stages.getVersion())),
                Map.class);
        assertThat(migration.getStatusCode()).as("%s", migration.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) migration.getBody().get("sources")).singleElement()
                .satisfies(source -> assertThat(source).containsEntry("tickets", 5).containsEntry("migrated", 5));
        tickets.values().forEach(ticket -> assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(ticket.getId())
                .singleResult().getProcessDefinitionId()).isEqualTo(release.getId()));
        assertThat(tickets.get("diagnosis job")).isWaitingAt("Task_DiagnoseFault");
        assertThat(tickets.get("confirm diagnosis")).isWaitingAt("Task_ConfirmDiagnosis");
        assertThat(remote).isWaitingAt("Task_RemoteSupport");
        assertThat(survey).isWaitingAt("Task_AnswerSurvey");
        assertThat(timerAt(tickets.get("confirm diagnosis"), "BoundaryEvent_ResponseSlaBreached").getDuedate()).isEqualTo(due.get("response"));
        assertThat(timerAt(tickets.get("confirm diagnosis"), "BoundaryEvent_ResponseSlaAtRisk").getDuedate()).isEqualTo(due.get("warning"));
        assertThat(timerAt(tickets.get("upgrade window"), "TimerEvent_UpgradeWindowOpens").getDuedate()).isEqualTo(due.get("window"));
        assertThat(timerAt(survey, "BoundaryEvent_SurveyExpired").getDuedate()).isEqualTo(due.get("survey"));
        assertThat(record(tickets.get("confirm diagnosis")).stage()).isEqualTo("DIAGNOSIS");

        // the moved ticket's next stages start at the release's stage events and sub-process
        complete(tickets.get("confirm diagnosis"), "Task_ConfirmDiagnosis", answers("Task_ConfirmDiagnosis"));
        assertThat(record(tickets.get("confirm diagnosis")).stage()).isEqualTo("REPAIR");
        tickets.values().forEach(this::finish);
        for (Map.Entry<String, ProcessInstance> ticket : tickets.entrySet()) {
            HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(ticket.getValue().getId()).singleResult();
            assertThat(ended.getState()).as(ticket.getKey()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
            assertThat(ended.getEndActivityId()).as(ticket.getKey()).isEqualTo("EndEvent_TicketClosed");
            assertThat(record(ticket.getValue()).stage()).as(ticket.getKey()).isEqualTo("CLOSED");
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(ticket.getValue().getId())
                    .activityId("Task_CloseTicket").count()).as("closed once").isEqualTo(1);
        }
        for (String beforeFeedback : List.of("diagnosis job", "confirm diagnosis", "remote support", "upgrade window")) {
            assertThat(tickets.get(beforeFeedback)).as(beforeFeedback).hasPassed("Task_SendSurvey", "Task_RecordEvaluation");
        }
    }

    /** With the timers' triggers updated, only the events get the update (Camunda refuses it on a task). */
    @Test
    void ticketsOf123MoveWithTheirTimersUpdatedToo() {
        ProcessDefinition stages = deploy(Bpmn.readModelFromStream(resource(STAGE_SUB_PROCESSES_MODEL)));
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        Date responseDue = timerAt(ticket, "BoundaryEvent_ResponseSlaBreached").getDuedate();
        ProcessDefinition release = deployRelease();

        ResponseEntity<Map> migration = analyst().postForEntity(MIGRATIONS, Map.of("sourceVersions", List.of(stages.getVersion()),
                "updateEventTriggers", true), Map.class);
        assertThat(migration.getStatusCode()).as("%s", migration.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(ticket.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(release.getId());
        // the new timer's due date comes from the same deadline
        assertThat(timerAt(ticket, "BoundaryEvent_ResponseSlaBreached").getDuedate()).isEqualTo(responseDue);
        finish(ticket);
        assertThat(record(ticket).stage()).isEqualTo("CLOSED");
    }

    private TestRestTemplate analyst() {
        return http.withBasicAuth("alan", "alan-demo");
    }

    /**
     * Deploys a revised model as an analyst does: {@code scripts/deploy-models.sh} against this application,
     * from a folder holding the revised process next to the release's other models and forms.
     */
    private ProcessDefinition deploy(BpmnModelInstance model) {
        try {
            Path folder = Files.createTempDirectory(Paths.get("target"), "revision-");
            Path processes = Files.createDirectories(folder.resolve("processes"));
            Path forms = Files.createDirectories(folder.resolve("forms"));
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:models/*")) {
                Path target = (resource.getFilename().endsWith(".form") ? forms : processes).resolve(resource.getFilename());
                try (InputStream content = resource.getInputStream()) {
                    Files.copy(content, target);
                }
            }
            Files.writeString(processes.resolve("PosTerminalMaintenance.bpmn"), Bpmn.convertToString(model));
            ProcessBuilder script = new ProcessBuilder("bash", "scripts/deploy-models.sh", folder.toString())
                    .redirectErrorStream(true);
            script.environment().putAll(Map.of("POS_URL", "http://localhost:" + port, "POS_USER", "alan", "POS_PASSWORD", "alan-demo"));
            Process run = script.start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor()).as("deploy-models.sh: %s", output).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_ID)
                .latestVersion().singleResult();
        assertThat(latest.getId()).as("a new version").isNotEqualTo(current.getId());
        Deployment deployed = repositoryService.createDeploymentQuery().deploymentId(latest.getDeploymentId()).singleResult();
        revisions.add(deployed);
        // one deployment unit: the revised process finds its forms in its own deployment
        assertThat(repositoryService.getDeploymentResources(deployed.getId())).extracting("name")
                .contains("PosTerminalMaintenance.bpmn", "confirm-diagnosis.form", "FaultTriage.dmn");
        return latest;
    }

    /** Tickets on the latest version waiting for the diagnosis job, at Confirm diagnosis and at Remote support. */
    private Map<String, ProcessInstance> ticketsBeforeTheRepair() {
        Map<String, ProcessInstance> tickets = new LinkedHashMap<>();
        tickets.put("diagnosis job", startTicket(report()));
        tickets.put("confirm diagnosis", ticketAwaitingDiagnosis(report()));
        ProcessInstance remote = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(remote, "NORMAL", "REMOTE", false);
        tickets.put("remote support", remote);
        return tickets;
    }

    /** A mail-in repair, billed, with a loaner terminal still at the merchant's: it waits for the loaner and the survey. */
    private ProcessInstance ticketRepairedAtCentreWithLoaner(String loanerSerial) {
        ProcessInstance mailIn = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(mailIn, "MAJOR", "MAIL_IN", false);
        complete(mailIn, "Task_ReceiveTerminal", Map.of(SHIPPING_REFERENCE, "SF1234567890", LOANER_SERIAL, loanerSerial));
        complete(mailIn, "Task_RepairAtCentre", Map.of(REPAIR_REPORT, "Cleaned the card reader contacts."));
        complete(mailIn, "Task_ReturnTerminal", Map.of(RETURN_SHIPPING_REFERENCE, "SF0987654321"));
        executeJobAt(mailIn, "Task_BillParts");
        return mailIn;
    }

    /** Deploys this release's model again, as the latest version (after an older one deployed by a test). */
    private ProcessDefinition deployRelease() {
        try (InputStream model = Files.newInputStream(Paths.get("processes", "PosTerminalMaintenance.bpmn"))) {
            return deploy(Bpmn.readModelFromStream(model));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        return TicketMigrationTest.class.getResourceAsStream("/" + name);
    }

    /** Works the ticket to its end: runs its asynchronous steps, opens the upgrade window, completes its tasks. */
    private void finish(ProcessInstance ticket) {
        for (int step = 0; step < 30; step++) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(ticket.getId()).count() == 0) {
                return;
            }
            Job async = managementService.createJobQuery().processInstanceId(ticket.getId()).messages().listPage(0, 1)
                    .stream().findFirst().orElse(null);
            Job window = timerAt(ticket, "TimerEvent_UpgradeWindowOpens");
            Task task = taskService.createTaskQuery().processInstanceId(ticket.getId()).orderByTaskName().asc().listPage(0, 1)
                    .stream().findFirst().orElse(null);
            if (async != null) {
                managementService.executeJob(async.getId());
            } else if (window != null) {
                setClock(window.getDuedate().toInstant());
                managementService.executeJob(window.getId());
            } else if (task != null) {
                taskService.complete(task.getId(), answers(task.getTaskDefinitionKey()));
            } else {
                throw new AssertionError("ticket " + ticket.getBusinessKey() + " is stuck");
            }
        }
        throw new AssertionError("ticket " + ticket.getBusinessKey() + " did not end in 30 steps");
    }

    private static Map<String, Object> answers(String taskKey) {
        Map<String, Object> answers = new HashMap<>();
        switch (taskKey) {
            case "Task_ConfirmDiagnosis", "Task_ReviewDiagnosis" -> answers.putAll(Map.of(SEVERITY, "NORMAL",
                    REPAIR_CHANNEL, "REMOTE", MERCHANT_CAUSED_DAMAGE, false, DIAGNOSIS_NOTES, "Checked by phone."));
            case "Task_RemoteSupport" -> answers.putAll(Map.of(REMOTE_MEDIUM, "VIDEO",
                    REMOTE_SESSION_NOTES, "Fixed on a video call.", REMOTE_RESOLVED, true));
            case "Task_ReturnTerminal" -> answers.putAll(Map.of(RETURN_SHIPPING_REFERENCE, "SF0987654321", LOANER_RETURNED, true));
            case "Task_ReceiveLoaner" -> answers.put(LOANER_RETURNED, true);
            case "Task_UpgradeTerminal" -> answers.putAll(Map.of(INSTALLED_VERSION, "3.4.0", UPGRADE_NOTES, "Upgraded over 4G."));
            case "Task_AnswerSurvey" -> answers.putAll(Map.of(SURVEY_SCORE, 5, SURVEY_COMMENT, "Quick and friendly."));
            case "Task_ConfirmRepairWithMerchant" -> { } // the new task asks nothing
            default -> throw new AssertionError("no answers for " + taskKey);
        }
        return answers;
    }
}
