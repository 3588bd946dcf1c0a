package org.posmaintenance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.posmaintenance.revision.ModelDeploymentController;
import org.posmaintenance.testing.Http;
import org.posmaintenance.testing.Http.Response;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The application deploys its models itself at start-up ({@link ModelResources}): all of {@code models/} as one
 * deployment when any model differs from the last start-up deployment, nothing when none does. Proven through
 * the real path: the application is started as a separate process from a copy of {@code target/classes}
 * ({@link ApplicationNode}), stopped, a model file of the copy changed as a rebuilt jar would change it, and
 * started again on the same H2 file database. Five starts:
 * <ol>
 * <li>first start: one deployment with every model and form; a ticket waits at Confirm diagnosis;</li>
 * <li>nothing changed: nothing deployed;</li>
 * <li>the BPMN changed (a task's name, the version tag): a new deployment with ALL models and forms, a new
 * process version whose start form and every task form is served, each user task of the model (read from the
 * BPMN file) reached by tickets driven through REST; the old version's ticket still gets its form;</li>
 * <li>a form changed (a label): a new deployment; a new ticket gets the new label, older tickets the old one;</li>
 * <li>the decision table changed (PRINTER faults URGENT): a new deployment; a new PRINTER ticket is proposed
 * URGENT and still gets its forms.</li>
 * </ol>
 * The database, the copies of the classes and the nodes' logs stay in {@code target/restart/} after the test.
 */
@Tag("restart")
class ModelRevisionRestartTest {

    private static final Path ROOT = Paths.get("target", "restart").toAbsolutePath().normalize();
    private static final Path BUILD_CLASSES = Paths.get("target", "classes").toAbsolutePath().normalize();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(45);
    private static final ZoneId SERVICE_ZONE = ZoneId.of("Asia/Shanghai");

    private static final String BPMN_FILE = "PosTerminalMaintenance.bpmn";
    private static final String DIAGNOSIS_FORM_FILE = "confirm-diagnosis.form";
    private static final String TRIAGE_FILE = "FaultTriage.dmn";
    private static final String RENAMED_DIAGNOSIS_TASK = "确认诊断和维修方式";
    private static final String REVISED_NOTES_LABEL = "Diagnosis notes (what you found, what you agreed with the merchant)";

    /** A demo user of each candidate group, who works that group's tasks. */
    private static final Map<String, String> MEMBERS = Map.of(HOTLINE, "hana", TECHNICIANS, "tom",
            REPAIR_CENTRE, "rita", MANAGERS, "mary", SUPERVISORS, "sam");
    /** The process definitions deployed with the BPMN-only change (step 3): each model is deployed again. */
    private final Set<String> revisionDefinitionIds = new java.util.HashSet<>();

    private ApplicationNode node;
    private int starts;
    /** The classes of the release running now (a copy of {@code target/classes}, with its models changed). */
    private Path release;
    private Models models;
    private JsonNode lastDeployment;
    /** The process definition of the revision whose tasks are checked (step 3), and what its tasks served. */
    private String revisionDefinitionId;
    private final Map<String, String> formsServedByRevision = new TreeMap<>();

    /** A ticket: process instance, ticket number (business key), its process definition and terminal. */
    private record Ticket(String id, String number, String definitionId, String terminal) {
        @Override
        public String toString() {
            return number + " (instance " + id + ", terminal " + terminal + ", definition " + definitionId + ")";
        }
    }

    /** A JSON variable value (a taglist's answer). */
    private record JsonText(String text) {
    }

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void everyChangedModelIsDeployedWithAllOthersAndEveryVersionFindsItsForms() throws Exception {
        deleteTree(ROOT);
        Files.createDirectories(ROOT);
        String originalNotesLabel = label(Http.JSON.readTree(
                BUILD_CLASSES.resolve("models").resolve(DIAGNOSIS_FORM_FILE).toFile()), DIAGNOSIS_NOTES);
        AtomicReference<Ticket> firstTicket = new AtomicReference<>();
        AtomicReference<Ticket> revisionTicket = new AtomicReference<>();
        AtomicReference<Ticket> formRevisionTicket = new AtomicReference<>();
        AtomicReference<String> firstDefinition = new AtomicReference<>();
        AtomicReference<String> revisedVersionTag = new AtomicReference<>();

        step("1 first start: every model and form in one deployment", () -> {
            startRelease(null);
            JsonNode deployment = assertNewStartupDeployment(1, null);
            JsonNode definition = latestProcessDefinition(PROCESS_ID);
            assertThat(definition.path("version").asInt()).as("version of %s", PROCESS_ID).isEqualTo(1);
            assertThat(definition.path("deploymentId").asText()).isEqualTo(deployment.path("deploymentId").asText());
            firstDefinition.set(definition.path("id").asText());
            assertStartFormsServed();

            Ticket ticket = startTicket("M-100231", "PAX-A920-88001", "PRINTER");
            assertThat(ticket.definitionId()).isEqualTo(firstDefinition.get());
            JsonNode task = awaitTask(ticket, TASK_CONFIRM_DIAGNOSIS);
            assertThat(task.path("name").asText()).isEqualTo("确认诊断");
            assertTaskFormServed(ticket, task);
            assertThat(variable(ticket, SEVERITY)).as("the proposal, the form's first value").isEqualTo("NORMAL");
            firstTicket.set(ticket);
        });

        step("2 restart with nothing changed: nothing deployed", () -> {
            restart(null);
            assertThat(journal().size()).as("deployments recorded after a restart with nothing changed").isEqualTo(1);
            assertThat(engineDeployments().size()).as("engine deployments after a restart with nothing changed").isEqualTo(1);
            assertThat(latestProcessDefinition(PROCESS_ID).path("id").asText()).isEqualTo(firstDefinition.get());
            assertTaskFormServed(firstTicket.get(), awaitTask(firstTicket.get(), TASK_CONFIRM_DIAGNOSIS));
        });

        step("3 BPMN-only change: all models deployed again, every task of the new version serves its form", () -> {
            restart(folder -> revisedVersionTag.set(renameDiagnosisTaskAndRaiseVersionTag(folder)));
            JsonNode deployment = assertNewStartupDeployment(2, BPMN_FILE);
            JsonNode definition = latestProcessDefinition(PROCESS_ID);
            assertThat(definition.path("version").asInt()).as("version of %s", PROCESS_ID).isEqualTo(2);
            assertThat(definition.path("versionTag").asText()).isEqualTo(revisedVersionTag.get());
            assertThat(definition.path("deploymentId").asText()).isEqualTo(deployment.path("deploymentId").asText());
            revisionDefinitionId = definition.path("id").asText();
            for (JsonNode deployed : ok(node.get("/engine-rest/process-definition?deploymentId="
                    + deployment.path("deploymentId").asText(), "admin"), "the process definitions of the revision")) {
                revisionDefinitionIds.add(deployed.path("id").asText());
            }
            assertStartFormsServed();

            // the ticket of the first version keeps its version, its task name and its form
            JsonNode oldTask = awaitTask(firstTicket.get(), TASK_CONFIRM_DIAGNOSIS);
            assertThat(oldTask.path("processDefinitionId").asText()).isEqualTo(firstDefinition.get());
            assertThat(oldTask.path("name").asText()).isEqualTo("确认诊断");
            assertTaskFormServed(firstTicket.get(), oldTask);

            // a ticket of the new version that stays at Confirm diagnosis (for step 4)
            Ticket waiting = startTicket("M-100231", "PAX-A920-88003", "PRINTER");
            assertThat(waiting.definitionId()).isEqualTo(revisionDefinitionId);
            JsonNode task = awaitTask(waiting, TASK_CONFIRM_DIAGNOSIS);
            assertThat(task.path("name").asText()).isEqualTo(RENAMED_DIAGNOSIS_TASK);
            assertTaskFormServed(waiting, task);
            revisionTicket.set(waiting);

            Ticket mailIn = startTicket("M-100232", "NEW-N910-77001", "DISPLAY_KEYPAD");
            work(mailIn, "Task_TellCallerTicketNumber", Map.of()); // hana, who took the call, reads the number back
            mailInRepairWithEveryDetour(mailIn);
            remoteSupportThenOnSiteBeyondRepair(startTicket("M-100231", "PAX-A920-88002", "PRINTER"));
            mailInRepairCancelledWithLoanerOut(startTicket("M-100233", "SUN-P2-55001", "HARDWARE_DAMAGE"));

            calendarWatchAsksManagersForTheNotice();

            // every user task of the models, as the BPMN files list them: a task added later must be reached too
            Set<String> userTasks = models.userTasks().stream().map(UserTask::id).collect(Collectors.toCollection(TreeSet::new));
            Set<String> missing = new TreeSet<>(userTasks);
            missing.removeAll(formsServedByRevision.keySet());
            assertThat(missing).as("user tasks of the models that no ticket of the new version reached with its form"
                    + " served (reached: %s)", formsServedByRevision).isEmpty();
            assertThat(formsServedByRevision.keySet()).as("user tasks reached").isEqualTo(userTasks);
        });

        step("4 form-only change: all models deployed again, new tickets get the new form, older ones the old", () -> {
            restart(ModelRevisionRestartTest::reviseDiagnosisNotesLabel);
            JsonNode deployment = assertNewStartupDeployment(3, DIAGNOSIS_FORM_FILE);
            JsonNode definition = latestProcessDefinition(PROCESS_ID);
            assertThat(definition.path("version").asInt()).as("version of %s", PROCESS_ID).isEqualTo(3);
            assertThat(definition.path("deploymentId").asText()).isEqualTo(deployment.path("deploymentId").asText());
            assertStartFormsServed();

            Ticket ticket = startTicket("M-100232", "NEW-N910-77002", "PRINTER");
            assertThat(ticket.definitionId()).isEqualTo(definition.path("id").asText());
            JsonNode form = assertTaskFormServed(ticket, awaitTask(ticket, TASK_CONFIRM_DIAGNOSIS));
            assertThat(label(form, DIAGNOSIS_NOTES)).as("label of %s on a ticket started after the form changed", DIAGNOSIS_NOTES)
                    .isEqualTo(REVISED_NOTES_LABEL);
            for (Ticket older : List.of(firstTicket.get(), revisionTicket.get())) {
                JsonNode olderForm = assertTaskFormServed(older, awaitTask(older, TASK_CONFIRM_DIAGNOSIS));
                assertThat(label(olderForm, DIAGNOSIS_NOTES)).as("label of %s on ticket %s, started before the form changed",
                        DIAGNOSIS_NOTES, older).isEqualTo(originalNotesLabel);
            }
            formRevisionTicket.set(ticket);
        });

        step("5 decision-table-only change: all models deployed again, PRINTER faults proposed URGENT", () -> {
            restart(ModelRevisionRestartTest::escalatePrinterFaults);
            JsonNode deployment = assertNewStartupDeployment(4, TRIAGE_FILE);
            String deploymentId = deployment.path("deploymentId").asText();
            JsonNode definition = latestProcessDefinition(PROCESS_ID);
            assertThat(definition.path("version").asInt()).as("version of %s", PROCESS_ID).isEqualTo(4);
            assertThat(definition.path("deploymentId").asText()).isEqualTo(deploymentId);
            JsonNode triage = ok(node.get("/engine-rest/decision-definition/key/" + DECISION_FAULT_TRIAGE, "admin"),
                    "the latest decision " + DECISION_FAULT_TRIAGE);
            assertThat(triage.path("deploymentId").asText()).as("deployment of the latest %s", DECISION_FAULT_TRIAGE)
                    .isEqualTo(deploymentId);
            assertStartFormsServed();

            Ticket ticket = startTicket("M-100233", "SUN-P2-55002", "PRINTER");
            assertThat(ticket.definitionId()).isEqualTo(definition.path("id").asText());
            JsonNode form = assertTaskFormServed(ticket, awaitTask(ticket, TASK_CONFIRM_DIAGNOSIS));
            assertThat(label(form, DIAGNOSIS_NOTES)).isEqualTo(REVISED_NOTES_LABEL);
            assertThat(variable(ticket, SEVERITY)).as("proposed severity of a PRINTER fault after the change")
                    .isEqualTo("URGENT");
            assertThat(variable(formRevisionTicket.get(), SEVERITY)).as("proposed severity of a PRINTER fault"
                    + " reported before the change").isEqualTo("NORMAL");
        });

        step("stop", () -> node.stop(STOP_TIMEOUT));
    }

    // ------------------------------------------------------------------------------------------------ tickets of step 3

    /**
     * Mail-in with a loaner: the repair runs past its extended deadline (manager's review), a part is missing
     * (order it, receive it, repair at the centre), the loaner stays with the merchant (chase it, a manager
     * decides), the software is upgraded, the merchant gives a low score (follow-up), the loaner comes back and
     * the ticket closes.
     */
    private void mailInRepairWithEveryDetour(Ticket ticket) throws IOException {
        assertThat(ticket.definitionId()).isEqualTo(revisionDefinitionId);
        work(ticket, TASK_CONFIRM_DIAGNOSIS, variables(SEVERITY, "NORMAL", REPAIR_CHANNEL, "MAIL_IN",
                DIAGNOSIS_NOTES, "Keypad dead; inspect and repair at the centre.", MERCHANT_CAUSED_DAMAGE, false));
        // the terminal is in the post (SLA pause): after three days a supervisor approves the longer pause
        JsonNode approval = awaitValue("the SLA pause approval of ticket " + ticket, ticket, () -> {
            JsonNode instances = ok(node.get("/engine-rest/process-instance?processDefinitionKey=" + PROCESS_SLA_PAUSE_APPROVAL
                    + "&businessKey=" + ticket.number(), "admin"), "the SLA pause approval of " + ticket.number());
            return instances.size() == 1 ? instances.get(0) : null;
        });
        Ticket pause = new Ticket(approval.path("id").asText(), ticket.number(), approval.path("definitionId").asText(),
                ticket.terminal());
        fireTimer(pause, "TimerEvent_PauseLong", TASK_APPROVE_SLA_PAUSE);
        work(pause, TASK_APPROVE_SLA_PAUSE, variables(SLA_PAUSE_APPROVED, "true",
                SLA_PAUSE_DECISION_NOTES, "The courier is delayed by snow."));
        work(ticket, TASK_RECEIVE_TERMINAL, variables(SHIPPING_REFERENCE, "SF1000000001", LOANER_SERIAL, "LOAN-N910-001"));

        fireTimer(ticket, "BoundaryEvent_ResolutionExtensionExceeded", "Task_ReviewOverdueRepair");
        work(ticket, "Task_ReviewOverdueRepair", variables(MANAGER_DECISION, "Senior technician takes it over."));

        work(ticket, TASK_REPAIR_AT_CENTRE, variables(REPAIR_OUTCOME, "PART_UNAVAILABLE",
                REPAIR_REPORT, "The keypad flex cable is torn.", PART_NEEDED, "KEYPAD"));
        work(ticket, TASK_ORDER_PART, variables(SUPPLIER_ORDER_REFERENCE, "PO-2026-4711",
                PART_EXPECTED_ON, LocalDate.now(SERVICE_ZONE).plusDays(3).toString()));
        work(ticket, TASK_RECEIVE_PART, variables(PART_RECEIVED, true));
        work(ticket, TASK_REPAIR_AT_CENTRE, variables(REPAIR_OUTCOME, "REPAIRED",
                REPAIR_REPORT, "Replaced the keypad.", PARTS_REPLACED, new JsonText("[\"KEYPAD\"]")));
        work(ticket, TASK_RETURN_TERMINAL, variables(RETURN_SHIPPING_REFERENCE, "SF1000000002", LOANER_RETURNED, false));

        // billed; then the upgrade stage and, alongside, the loaner return
        awaitTask(ticket, "Task_ReceiveLoaner");
        fireTimer(ticket, "BoundaryEvent_LoanerOverdue", "Task_ChaseLoaner");
        work(ticket, "Task_ChaseLoaner", variables(LOANER_CHASE_NOTES, "The merchant brings it back on Friday."));
        fireTimer(ticket, "BoundaryEvent_LoanerEscalated", "Task_DecideUnreturnedLoaner");
        work(ticket, "Task_DecideUnreturnedLoaner", variables(LOANER_DECISION, "KEEP_CHASING",
                LOANER_DECISION_NOTES, "Give the merchant one more week."));

        fireTimer(ticket, "TimerEvent_UpgradeWindowOpens", "Task_UpgradeTerminal");
        String latest = variable(ticket, LATEST_SOFTWARE_VERSION);
        work(ticket, "Task_UpgradeTerminal", variables(INSTALLED_VERSION, latest, UPGRADE_NOTES, "Upgraded over 4G."));
        work(ticket, TASK_ANSWER_SURVEY, variables(SURVEY_SCORE, 1, SURVEY_COMMENT, "It took far too long."));
        work(ticket, "Task_FollowUpLowScore", variables(FOLLOW_UP_NOTES, "Called the merchant and apologised."));
        work(ticket, "Task_ReceiveLoaner", variables(LOANER_RETURNED, true));
        awaitEnded(ticket);
    }

    /** Remote support does not fix it; on site the terminal is beyond repair: a replacement is sent. */
    private void remoteSupportThenOnSiteBeyondRepair(Ticket ticket) throws IOException {
        assertThat(ticket.definitionId()).isEqualTo(revisionDefinitionId);
        work(ticket, TASK_CONFIRM_DIAGNOSIS, variables(SEVERITY, "NORMAL", REPAIR_CHANNEL, "REMOTE",
                DIAGNOSIS_NOTES, "Printer head does not respond.", MERCHANT_CAUSED_DAMAGE, false));
        work(ticket, TASK_REMOTE_SUPPORT, variables(REMOTE_MEDIUM, "PHONE",
                REMOTE_SESSION_NOTES, "Reset the printer; still blank receipts.", REMOTE_RESOLVED, false));

        // the merchant cannot be reached at first (the SLA pause), then is
        work(ticket, TASK_SCHEDULE_VISIT, variables(MERCHANT_UNREACHABLE, true,
                CONTACT_ATTEMPTS, "09:00 called, no answer; 09:10 SMS."));
        work(ticket, TASK_REACH_MERCHANT, variables(MERCHANT_REACHED_NOTES, "Reached at 11:00."));

        // an appointment inside service hours: the next workday, as the service-hours calendar sees it
        JsonNode task = awaitTask(ticket, TASK_SCHEDULE_VISIT);
        assertTaskFormServed(ticket, task);
        LocalDate day = LocalDate.now(SERVICE_ZONE).plusDays(2);
        for (int attempt = 0; ; attempt++) {
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            Response answer = complete(ticket, task, variables(VISIT_APPOINTMENT, day + "T10:00:00+08:00",
                    VISIT_ADDRESS, "8 Nanjing Road, Shanghai"));
            if (answer.ok()) {
                break;
            }
            if (answer.status() != 400 || !answer.text().contains(VISIT_APPOINTMENT) || attempt == 20) {
                throw new AssertionError("complete " + TASK_SCHEDULE_VISIT + " of ticket " + ticket + " with an appointment on "
                        + day + " 10:00: " + answer);
            }
            day = day.plusDays(1);
        }

        work(ticket, TASK_REPAIR_ON_SITE, variables(REPAIR_OUTCOME, "BEYOND_REPAIR",
                REPAIR_REPORT, "Mainboard burnt; beyond repair."));
        work(ticket, TASK_REPLACE_TERMINAL, variables(REPLACEMENT_SERIAL, "PAX-A920-99001",
                REPLACEMENT_SHIPPING_REFERENCE, "SF2000000001"));
    }

    /**
     * The calendar watch, started by hand (its timer starts it every morning): the official notices end on
     * 31 December 2026, so from November on managers get the task to enter the next notice.
     */
    private void calendarWatchAsksManagersForTheNotice() throws IOException {
        JsonNode start = awaitValue("the start timer of " + PROCESS_CALENDAR_WATCH, null, () -> {
            JsonNode jobs = ok(node.get("/engine-rest/job?processDefinitionKey=" + PROCESS_CALENDAR_WATCH, "admin"),
                    "the jobs of " + PROCESS_CALENDAR_WATCH);
            return jobs.size() == 1 ? jobs.get(0) : null;
        });
        assertThat(start.path("processDefinitionId").asText()).isIn(revisionDefinitionIds);
        ok(node.post("/engine-rest/job/" + start.path("id").asText() + "/execute", "admin", Map.of()),
                "run the start timer of " + PROCESS_CALENDAR_WATCH);
        JsonNode watch = awaitValue("a watch waiting for the notice", null, () -> {
            JsonNode instances = ok(node.get("/engine-rest/process-instance?processDefinitionKey=" + PROCESS_CALENDAR_WATCH,
                    "admin"), "the instances of " + PROCESS_CALENDAR_WATCH);
            return instances.size() == 1 ? instances.get(0) : null;
        });
        Ticket asked = new Ticket(watch.path("id").asText(), "calendar watch", watch.path("definitionId").asText(), "-");
        assertTaskFormServed(asked, awaitTask(asked, TASK_ENTER_HOLIDAY_NOTICE));
    }

    /** Mail-in, the loaner lent, then the hotline cancels the ticket: the centre returns the terminal and collects the loaner. */
    private void mailInRepairCancelledWithLoanerOut(Ticket ticket) throws IOException {
        assertThat(ticket.definitionId()).isEqualTo(revisionDefinitionId);
        work(ticket, TASK_CONFIRM_DIAGNOSIS, variables(SEVERITY, "MAJOR", REPAIR_CHANNEL, "MAIL_IN",
                DIAGNOSIS_NOTES, "Housing cracked; repair at the centre.", MERCHANT_CAUSED_DAMAGE, false));
        work(ticket, TASK_RECEIVE_TERMINAL, variables(SHIPPING_REFERENCE, "SF3000000001", LOANER_SERIAL, "LOAN-P2-003"));

        awaitQuiet(ticket);
        ok(node.post("/engine-rest/process-definition/key/" + CANCELLATION_PROCESS_ID + "/start", "hana",
                Map.of("variables", variables(CANCEL_TICKET_NUMBER, ticket.number(),
                        CANCEL_REASON, "The merchant bought a new terminal elsewhere."))),
                "cancel ticket " + ticket + " (start " + CANCELLATION_PROCESS_ID + " as hana)");
        work(ticket, "Task_SettleCancelledRepair", variables(RETURN_SHIPPING_REFERENCE, "SF3000000002",
                LOANER_RETURNED, true, SETTLEMENT_NOTES, "Terminal sent back, loaner collected by the courier."));
        awaitEnded(ticket);
    }

    // ------------------------------------------------------------------------------------------------ releases

    /** Changes the models of a release's copy of the classes ({@code models/}). */
    private interface ModelEdit {
        void apply(Path models) throws IOException;
    }

    /** Copies the running release's classes (the build's at first), applies the edit, starts the application on them. */
    private void startRelease(ModelEdit edit) throws IOException {
        starts++;
        Path next = ROOT.resolve(String.valueOf(starts)).resolve("classes");
        copyTree(release == null ? BUILD_CLASSES : release, next);
        if (edit != null) {
            edit.apply(next.resolve("models"));
        }
        release = next;
        models = Models.read(next.resolve("models"));
        node = new ApplicationNode("start-" + starts, next, ROOT.resolve("db"), ROOT.resolve("logs").resolve("start-" + starts + ".log"));
        node.start().awaitReady(START_TIMEOUT);
    }

    private void restart(ModelEdit edit) throws IOException {
        node.stop(STOP_TIMEOUT);
        startRelease(edit);
    }

    /** Step 3: renames {@code Task_ConfirmDiagnosis} and raises the process's version tag; returns the new tag. */
    private static String renameDiagnosisTaskAndRaiseVersionTag(Path models) throws IOException {
        Path file = models.resolve(BPMN_FILE);
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        xml = replaceInTag(xml, "userTask", TASK_CONFIRM_DIAGNOSIS, "name", current -> RENAMED_DIAGNOSIS_TASK);
        AtomicReference<String> tag = new AtomicReference<>();
        xml = replaceInTag(xml, "process", PROCESS_ID, "camunda:versionTag", current -> {
            Matcher last = Pattern.compile("(\\d+)(?!.*\\d)").matcher(current);
            if (!last.find()) {
                throw new AssertionError("version tag '" + current + "' of " + PROCESS_ID + " has no number to raise");
            }
            tag.set(current.substring(0, last.start()) + (Integer.parseInt(last.group(1)) + 1) + current.substring(last.end()));
            return tag.get();
        });
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return tag.get();
    }

    /** Step 4: a new label for the diagnosis notes in {@code confirm-diagnosis.form}. */
    private static void reviseDiagnosisNotesLabel(Path models) throws IOException {
        Path file = models.resolve(DIAGNOSIS_FORM_FILE);
        JsonNode form = Http.JSON.readTree(file.toFile());
        ObjectNode field = (ObjectNode) component(form, DIAGNOSIS_NOTES);
        if (field == null) {
            throw new AssertionError(DIAGNOSIS_FORM_FILE + " has no field " + DIAGNOSIS_NOTES);
        }
        field.put("label", REVISED_NOTES_LABEL);
        Files.writeString(file, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(form) + "\n",
                StandardCharsets.UTF_8);
    }

    /** Step 5: the PRINTER rule of the fault triage proposes URGENT instead of NORMAL. */
    private static void escalatePrinterFaults(Path models) throws IOException {
        Path file = models.resolve(TRIAGE_FILE);
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        List<String> outputs = new ArrayList<>();
        Matcher output = Pattern.compile("<(?:\\w+:)?output\\s[^>]*\\bname=\"([^\"]+)\"").matcher(xml);
        while (output.find()) {
            outputs.add(output.group(1));
        }
        int severityColumn = outputs.indexOf(SEVERITY);
        assertThat(severityColumn).as("output column %s of %s (outputs %s)", SEVERITY, TRIAGE_FILE, outputs).isNotNegative();
        Matcher rule = Pattern.compile("<(?:\\w+:)?rule\\b.*?</(?:\\w+:)?rule>", Pattern.DOTALL).matcher(xml);
        List<int[]> printerRules = new ArrayList<>();
        while (rule.find()) {
            if (rule.group().contains("<text>\"PRINTER\"</text>")) {
                printerRules.add(new int[] {rule.start(), rule.end()});
            }
        }
        assertThat(printerRules).as("rules of %s for PRINTER", TRIAGE_FILE).hasSize(1);
        String block = xml.substring(printerRules.get(0)[0], printerRules.get(0)[1]);
        Matcher entry = Pattern.compile("(<(?:\\w+:)?outputEntry\\b[^>]*>\\s*<(?:\\w+:)?text>)(.*?)(</(?:\\w+:)?text>)",
                Pattern.DOTALL).matcher(block);
        for (int column = 0; column <= severityColumn; column++) {
            assertThat(entry.find()).as("output entry %s of the PRINTER rule", column).isTrue();
        }
        assertThat(entry.group(2)).as("severity of the PRINTER rule before the change").isEqualTo("\"NORMAL\"");
        String changed = block.substring(0, entry.start(2)) + "\"URGENT\"" + block.substring(entry.end(2));
        Files.writeString(file, xml.substring(0, printerRules.get(0)[0]) + changed + xml.substring(printerRules.get(0)[1]),
                StandardCharsets.UTF_8);
    }

    /** Replaces one attribute's value in the start tag of the element with this local name and id (exactly one). */
    private static String replaceInTag(String xml, String element, String id, String attribute,
                                       UnaryOperator<String> change) {
        Matcher tag = Pattern.compile("<(?:\\w+:)?" + element + "\\s[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(xml);
        assertThat(tag.find()).as("<%s id=\"%s\"> in %s", element, id, BPMN_FILE).isTrue();
        String start = tag.group();
        Matcher value = Pattern.compile("\\s" + Pattern.quote(attribute) + "=\"([^\"]*)\"").matcher(start);
        assertThat(value.find()).as("%s of <%s id=\"%s\">", attribute, element, id).isTrue();
        String changedTag = start.substring(0, value.start(1)) + change.apply(value.group(1)) + start.substring(value.end(1));
        return xml.substring(0, tag.start()) + changedTag + xml.substring(tag.end());
    }

    // ------------------------------------------------------------------------------------------------ deployments

    /**
     * The newest deployment is this release's models, all of them, as one start-up deployment, in the record and
     * in the engine; compared with the previous one, exactly {@code changedFile} differs.
     */
    private JsonNode assertNewStartupDeployment(int count, String changedFile) throws IOException {
        JsonNode journal = journal();
        assertThat(journal.size()).as("deployments recorded in %s: %s", ModelDeploymentController.PATH, journal).isEqualTo(count);
        JsonNode newest = journal.get(0);
        String id = newest.path("deploymentId").asText();
        assertThat(newest.path("name").asText()).isEqualTo(ModelResources.DEPLOYMENT_NAME);
        assertThat(newest.path("source").asText()).isEqualTo(ModelResources.STARTUP_SOURCE);
        assertThat(newest.path("deployedBy").asText()).isEqualTo(DeploymentJournal.APPLICATION);
        Map<String, String> recorded = resourceHashes(newest);
        Map<String, String> expected = new TreeMap<>();
        models.files().forEach((name, content) -> expected.put(name, DeploymentJournal.sha256(content).substring(0, 12)));
        assertThat(recorded).as("resources of deployment %s (name, SHA-256 prefix) against the release's models/", id)
                .isEqualTo(expected);
        if (lastDeployment != null) {
            Map<String, String> previous = resourceHashes(lastDeployment);
            Set<String> changed = new TreeSet<>();
            recorded.forEach((name, hash) -> {
                if (!Objects.equals(previous.get(name), hash)) {
                    changed.add(name);
                }
            });
            assertThat(changed).as("resources that differ from the previous deployment %s", lastDeployment.path("deploymentId"))
                    .containsExactly(changedFile);
        }

        JsonNode deployments = engineDeployments();
        assertThat(deployments.size()).as("engine deployments: %s", deployments).isEqualTo(count);
        assertThat(deployments.get(0).path("id").asText()).isEqualTo(id);
        assertThat(deployments.get(0).path("source").asText()).isEqualTo(ModelResources.STARTUP_SOURCE);
        JsonNode resources = ok(node.get("/engine-rest/deployment/" + id + "/resources", "admin"), "resources of deployment " + id);
        assertThat(names(resources, "name")).as("resources of deployment %s in the engine", id)
                .isEqualTo(models.files().keySet());
        JsonNode processes = ok(node.get("/engine-rest/process-definition?deploymentId=" + id, "admin"), "processes of " + id);
        assertThat(names(processes, "key")).as("process definitions of deployment %s", id).isEqualTo(models.processes());
        JsonNode decisions = ok(node.get("/engine-rest/decision-definition?deploymentId=" + id, "admin"), "decisions of " + id);
        assertThat(names(decisions, "key")).as("decision definitions of deployment %s", id).isEqualTo(models.decisions());
        lastDeployment = newest;
        return newest;
    }

    private JsonNode journal() throws IOException {
        return ok(node.get(ModelDeploymentController.PATH, "mary"), "the record of model deployments as mary");
    }

    private JsonNode engineDeployments() throws IOException {
        return ok(node.get("/engine-rest/deployment?sortBy=deploymentTime&sortOrder=desc", "admin"), "the engine's deployments");
    }

    private JsonNode latestProcessDefinition(String key) throws IOException {
        return ok(node.get("/engine-rest/process-definition/key/" + key, "admin"), "the latest process definition " + key);
    }

    private static Map<String, String> resourceHashes(JsonNode entry) {
        Map<String, String> hashes = new TreeMap<>();
        entry.path("resources").forEach(line -> {
            String[] parts = line.asText().split(" ");
            hashes.put(parts[0], parts.length > 1 ? parts[1] : "");
        });
        return hashes;
    }

    private static Set<String> names(JsonNode array, String field) {
        Set<String> names = new TreeSet<>();
        array.forEach(element -> names.add(element.path(field).asText()));
        return names;
    }

    // ------------------------------------------------------------------------------------------------ forms

    /** Each start event with a form serves it to the hotline, for the latest version of its process. */
    private void assertStartFormsServed() throws IOException {
        assertThat(models.startForms()).as("start events with a form").isNotEmpty();
        for (Map.Entry<String, String> start : models.startForms().entrySet()) {
            JsonNode form = ok(node.get("/engine-rest/process-definition/key/" + start.getKey() + "/deployed-start-form", "hana"),
                    "the start form of " + start.getKey() + " as hana");
            assertThat(form.path("id").asText()).as("id of the start form of %s", start.getKey()).isEqualTo(start.getValue());
        }
    }

    /** The task's form, as a member of its candidate group gets it; the one its BPMN element names. */
    private JsonNode assertTaskFormServed(Ticket ticket, JsonNode task) throws IOException {
        String key = task.path("taskDefinitionKey").asText();
        UserTask model = userTask(key);
        String user = member(model);
        JsonNode form = ok(node.get("/engine-rest/task/" + task.path("id").asText() + "/deployed-form", user),
                "the form of " + key + " of ticket " + ticket + " as " + user);
        assertThat(form.path("id").asText()).as("id of the form served for %s of ticket %s", key, ticket).isEqualTo(model.formRef());
        assertThat(form.path("components").isArray()).as("components of the form served for %s", key).isTrue();
        if (revisionDefinitionIds.contains(task.path("processDefinitionId").asText())) {
            formsServedByRevision.put(key, form.path("id").asText());
        }
        return form;
    }

    private static String label(JsonNode form, String key) {
        JsonNode field = component(form, key);
        return field == null ? null : field.path("label").asText(null);
    }

    private static JsonNode component(JsonNode container, String key) {
        for (JsonNode component : container.path("components")) {
            if (key.equals(component.path("key").asText(null))) {
                return component;
            }
            JsonNode nested = component(component, key);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ REST steps

    private Ticket startTicket(String merchant, String terminal, String category) throws IOException {
        Map<String, Object> report = variables(REPORT_CHANNEL, "HOTLINE", MERCHANT_ID, merchant,
                CONTACT_PHONE, "+86 21 5555 0101", TERMINAL_SERIAL, terminal, FAULT_CATEGORY, category,
                PAYMENTS_BLOCKED, false, FAULT_DESCRIPTION, "A " + category + " fault on " + terminal + " since this morning.");
        JsonNode started = ok(node.post("/engine-rest/process-definition/key/" + PROCESS_ID + "/start", "hana",
                Map.of("variables", report)), "start a ticket for " + terminal + " as hana");
        return new Ticket(started.path("id").asText(), started.path("businessKey").asText(),
                started.path("definitionId").asText(), terminal);
    }

    /** Waits for the task, checks its form, completes it as a member of its candidate group. */
    private void work(Ticket ticket, String key, Map<String, Object> variables) throws IOException {
        JsonNode task = awaitTask(ticket, key);
        assertTaskFormServed(ticket, task);
        Response answer = complete(ticket, task, variables);
        if (!answer.ok()) {
            throw new AssertionError("complete " + key + " of ticket " + ticket + " with " + Http.json(variables)
                    + ": " + answer);
        }
    }

    /** Claims (if nobody has) and completes the task as a member of its candidate group, once no step of the ticket runs. */
    private Response complete(Ticket ticket, JsonNode task, Map<String, Object> variables) throws IOException {
        String key = task.path("taskDefinitionKey").asText();
        String id = task.path("id").asText();
        String user = member(userTask(key));
        awaitQuiet(ticket);
        if (task.path("assignee").isNull() || task.path("assignee").isMissingNode()) {
            ok(node.post("/engine-rest/task/" + id + "/claim", user, Map.of("userId", user)), "claim " + key + " as " + user);
        }
        Response answer = node.post("/engine-rest/task/" + id + "/complete", user, Map.of("variables", variables));
        if (answer.status() == 500 && answer.text().contains("OptimisticLocking")) {
            // the job executor changed the ticket meanwhile: once more, on the new state
            awaitQuiet(ticket);
            answer = node.post("/engine-rest/task/" + id + "/complete", user, Map.of("variables", variables));
        }
        return answer;
    }

    /** The ticket's open task with this key, as the member of its candidate group sees it. */
    private JsonNode awaitTask(Ticket ticket, String key) {
        String user = member(userTask(key));
        return awaitValue("task " + key + " of ticket " + ticket + " for " + user, ticket, () -> {
            JsonNode tasks = ok(node.get("/engine-rest/task?processInstanceId=" + ticket.id() + "&taskDefinitionKey=" + key, user),
                    "tasks " + key + " of " + ticket.number() + " as " + user);
            return tasks.size() == 1 ? tasks.get(0) : null;
        });
    }

    /**
     * Executes the timer job of this timer event now, as an administrator (Cockpit's "execute job"), and waits for
     * the task that follows it. A timer that fell due by itself has been executed by the job executor already.
     */
    private void fireTimer(Ticket ticket, String timerEvent, String taskAfter) throws IOException {
        awaitQuiet(ticket);
        JsonNode job = awaitValue("timer " + timerEvent + " of ticket " + ticket, ticket, () -> {
            JsonNode jobs = ok(node.get("/engine-rest/job?processInstanceId=" + ticket.id() + "&activityId=" + timerEvent, "admin"),
                    "jobs at " + timerEvent);
            if (jobs.size() > 0) {
                return jobs.get(0);
            }
            JsonNode tasks = ok(node.get("/engine-rest/task?processInstanceId=" + ticket.id() + "&taskDefinitionKey=" + taskAfter,
                    "admin"), "tasks " + taskAfter);
            return tasks.size() > 0 ? MissingNode.getInstance() : null;
        });
        if (!job.isMissingNode()) {
            ok(node.post("/engine-rest/job/" + job.path("id").asText() + "/execute", "admin", ""),
                    "execute the timer " + timerEvent + " of ticket " + ticket + " as admin");
        }
        awaitTask(ticket, taskAfter);
    }

    /** Waits until no job of the ticket is due (the asynchronous steps the job executor runs are done). */
    private void awaitQuiet(Ticket ticket) {
        awaitValue("no due job of ticket " + ticket, ticket, () -> {
            JsonNode jobs = ok(node.get("/engine-rest/job?processInstanceId=" + ticket.id() + "&executable=true", "admin"),
                    "due jobs of " + ticket.number());
            return jobs.size() == 0 ? jobs : null;
        });
    }

    private void awaitEnded(Ticket ticket) {
        awaitValue("the end of ticket " + ticket, ticket, () -> {
            JsonNode history = ok(node.get("/engine-rest/history/process-instance/" + ticket.id(), "admin"),
                    "history of " + ticket.number());
            return "COMPLETED".equals(history.path("state").asText()) ? history : null;
        });
    }

    private String variable(Ticket ticket, String name) throws IOException {
        return ok(node.get("/engine-rest/process-instance/" + ticket.id() + "/variables/" + name, "tom"),
                "variable " + name + " of ticket " + ticket + " as tom").path("value").asText(null);
    }

    private JsonNode awaitValue(String what, Ticket ticket, Callable<JsonNode> probe) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        try {
            Awaitility.await(what).atMost(STEP_TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        found.set(probe.call());
                        return found.get() != null;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + ": not within " + STEP_TIMEOUT
                    + (ticket == null ? "" : "; the ticket now: " + diagnose(ticket)), e);
        }
        return found.get();
    }

    /** Where the ticket stands: active activities, open tasks, jobs with their failures, incidents. */
    private String diagnose(Ticket ticket) {
        StringBuilder text = new StringBuilder();
        try {
            Response history = node.get("/engine-rest/history/process-instance/" + ticket.id(), "admin");
            text.append("\n  state: ").append(history.body().path("state").asText(history.toString()));
            Response activities = node.get("/engine-rest/process-instance/" + ticket.id() + "/activity-instances", "admin");
            List<String> active = new ArrayList<>();
            collectActivities(activities.body(), active);
            text.append("\n  active: ").append(activities.ok() ? active : activities);
            Response tasks = node.get("/engine-rest/task?processInstanceId=" + ticket.id(), "admin");
            text.append("\n  tasks: ").append(tasks.ok() ? names(tasks.body(), "taskDefinitionKey") : tasks);
            Response jobs = node.get("/engine-rest/job?processInstanceId=" + ticket.id(), "admin");
            for (JsonNode job : jobs.body()) {
                String activity = node.get("/engine-rest/job-definition/" + job.path("jobDefinitionId").asText(), "admin").body()
                        .path("activityId").asText("?");
                text.append("\n  job at ").append(activity).append(" due ").append(job.path("dueDate").asText())
                        .append(" retries ").append(job.path("retries").asText())
                        .append(job.path("exceptionMessage").isNull() ? "" : " failed: " + job.path("exceptionMessage").asText());
            }
            Response incidents = node.get("/engine-rest/incident?processInstanceId=" + ticket.id(), "admin");
            for (JsonNode incident : incidents.body()) {
                text.append("\n  incident at ").append(incident.path("activityId").asText()).append(": ")
                        .append(incident.path("incidentMessage").asText());
            }
        } catch (IOException | RuntimeException e) {
            text.append("\n  (cannot read the ticket: ").append(e).append(")");
        }
        return text.toString();
    }

    private static void collectActivities(JsonNode instance, List<String> active) {
        for (String children : List.of("childActivityInstances", "childTransitionInstances")) {
            for (JsonNode child : instance.path(children)) {
                if (child.path("childActivityInstances").isEmpty() && child.path("childTransitionInstances").isEmpty()) {
                    active.add(child.path("activityId").asText());
                }
                collectActivities(child, active);
            }
        }
    }

    /** The body of a 2xx answer; anything else fails with the answer. */
    private static JsonNode ok(Response response, String what) {
        if (!response.ok()) {
            throw new AssertionError(what + ": " + response);
        }
        return response.body();
    }

    /** Engine REST variables from name/value pairs ({@link JsonText} for a JSON value). */
    private static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            variables.put((String) namesAndValues[i], value instanceof JsonText json
                    ? Map.of("value", json.text(), "type", "Json") : Map.of("value", value));
        }
        return variables;
    }

    private UserTask userTask(String key) {
        return models.userTasks().stream().filter(task -> task.id().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("No user task " + key + " in the models of " + release));
    }

    private static String member(UserTask task) {
        if (task.candidateGroups().isEmpty()) {
            return "hana"; // a task of the hotline agent who registered the ticket: every ticket here is hana's
        }
        return task.candidateGroups().stream().map(MEMBERS::get).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new AssertionError("No demo user works the tasks of " + task.candidateGroups() + " ("
                        + task.id() + "): add one to " + ModelRevisionRestartTest.class.getSimpleName() + ".MEMBERS"));
    }

    // ------------------------------------------------------------------------------------------------ steps, files

    private interface Step {
        void run() throws Exception;
    }

    /** Runs a step; a failure names the step and shows the end of the running node's log. */
    private void step(String name, Step step) {
        try {
            step.run();
        } catch (Throwable failure) {
            String log = node == null ? "(no node started)" : "log " + node.log() + ", last lines:\n" + node.tail(60);
            throw new AssertionError("Step " + name + " failed: " + failure.getMessage() + "\n---- " + log, failure);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the models

    /** A user task of a BPMN file: what the test must reach, which form it names, who works it. */
    private record UserTask(String process, String id, String name, String formRef, List<String> candidateGroups) {
    }

    /**
     * The models of a release, read from its {@code models/} as {@link ModelResources} reads them: the files by
     * name, and from the BPMN and DMN files the user tasks, the start forms, the processes and the decisions.
     */
    private record Models(Map<String, byte[]> files, List<UserTask> userTasks, Map<String, String> startForms,
                          Set<String> processes, Set<String> decisions) {

        private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

        static Models read(Path directory) throws IOException {
            Map<String, byte[]> files = new TreeMap<>();
            try (Stream<Path> paths = Files.list(directory)) {
                for (Path path : paths.filter(Files::isRegularFile).toList()) {
                    String name = path.getFileName().toString();
                    if (Stream.of(ModelResources.SUFFIXES).anyMatch(suffix -> name.endsWith("." + suffix))) {
                        files.put(name, Files.readAllBytes(path));
                    }
                }
            }
            List<UserTask> userTasks = new ArrayList<>();
            Map<String, String> startForms = new TreeMap<>();
            Set<String> processes = new TreeSet<>();
            Set<String> decisions = new TreeSet<>();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                if (file.getKey().endsWith(".bpmn")) {
                    Document bpmn = parse(file.getKey(), file.getValue());
                    for (Element process : elements(bpmn, BPMN, "process")) {
                        if (!"false".equals(process.getAttribute("isExecutable"))) {
                            processes.add(process.getAttribute("id"));
                        }
                    }
                    for (Element task : elements(bpmn, BPMN, "userTask")) {
                        userTasks.add(new UserTask(processOf(task), task.getAttribute("id"), task.getAttribute("name"),
                                task.getAttributeNS(CAMUNDA, "formRef"),
                                Stream.of(task.getAttributeNS(CAMUNDA, "candidateGroups").split(",")).map(String::strip)
                                        .filter(group -> !group.isEmpty()).toList()));
                    }
                    for (Element start : elements(bpmn, BPMN, "startEvent")) {
                        Node parent = start.getParentNode();
                        if ("process".equals(parent.getLocalName()) && !start.getAttributeNS(CAMUNDA, "formRef").isEmpty()) {
                            startForms.put(((Element) parent).getAttribute("id"), start.getAttributeNS(CAMUNDA, "formRef"));
                        }
                    }
                } else if (file.getKey().endsWith(".dmn")) {
                    for (Element decision : elements(parse(file.getKey(), file.getValue()), "*", "decision")) {
                        decisions.add(decision.getAttribute("id"));
                    }
                }
            }
            return new Models(files, List.copyOf(userTasks), startForms, processes, decisions);
        }

        private static Document parse(String name, byte[] content) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read " + name, e);
            }
        }

        private static List<Element> elements(Document document, String namespace, String localName) {
            NodeList nodes = document.getElementsByTagNameNS(namespace, localName);
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                elements.add((Element) nodes.item(i));
            }
            return elements;
        }

        private static String processOf(Element element) {
            for (Node parent = element.getParentNode(); parent != null; parent = parent.getParentNode()) {
                if ("process".equals(parent.getLocalName())) {
                    return ((Element) parent).getAttribute("id");
                }
            }
            throw new IllegalStateException("user task " + element.getAttribute("id") + " outside a process");
        }
    }
}
