package org.posmaintenance;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.posmaintenance.billing.Bill;
import org.posmaintenance.billing.BillRecords;
import org.posmaintenance.feedback.Evaluations;
import org.posmaintenance.records.TaskEntries;
import org.posmaintenance.repair.LoanerLendings;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Base of the engine tests: one Spring context for all of them (in-memory H2, job executor off),
 * process test coverage, and the steps that move a ticket along. Each test sets the engine clock, which is
 * also the application's business clock here ({@link EngineClock}): timers and steps see the same time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@AutoConfigureObservability(tracing = false) // the Prometheus endpoint, as a started node has it (OperationsEndpointsTest)
@Import({ProcessEngineCoverageConfiguration.class, ProcessScenarioTest.EngineClock.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ProcessScenarioTest {

    /** Wednesday 2026-11-25 10:00 in Shanghai: inside service hours. */
    protected static final Instant WEDNESDAY_10_00 = Instant.parse("2026-11-25T02:00:00Z");

    @Autowired protected ProcessEngine processEngine;
    @Autowired protected RuntimeService runtimeService;
    @Autowired protected TaskService taskService;
    @Autowired protected ManagementService managementService;
    @Autowired protected HistoryService historyService;
    @Autowired protected TicketJournal journal;
    @Autowired protected TicketRegistry registry;
    @Autowired protected BillRecords bills;
    @Autowired protected LoanerLendings lendings;
    @Autowired protected Evaluations evaluations;
    @Autowired protected TaskEntries taskEntries;

    /** The application's clock in tests: the engine's, which {@link #setClock} sets, so that both always agree. */
    @TestConfiguration
    static class EngineClock {

        @Bean
        @Primary
        Clock engineClock() {
            return new Clock() {
                @Override
                public Instant instant() {
                    return ClockUtil.getCurrentTime().toInstant();
                }

                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    throw new UnsupportedOperationException("business time is UTC");
                }
            };
        }
    }

    /** The application sends mail to the tests' SMTP server ({@link org.posmaintenance.testing.Mailbox}). */
    @org.springframework.test.context.DynamicPropertySource
    static void mailServer(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", org.posmaintenance.testing.Mailbox::port);
    }

    @BeforeEach
    void initEngineAssertions() {
        BpmnAwareTests.init(processEngine);
        setClock(WEDNESDAY_10_00);
    }

    @AfterEach
    void resetClockAndTickets() {
        ClockUtil.reset();
        runtimeService.createProcessInstanceQuery().list()
                .forEach(ticket -> runtimeService.deleteProcessInstance(ticket.getId(), "test finished"));
    }

    protected static void setClock(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }

    /** Merchant M-100231 (Lotus Tea House, open 09:00-21:00) of the demo data. */
    protected static final String MERCHANT = "M-100231";
    /** Merchant M-100233 of the demo data, whose opening hours are unknown. */
    protected static final String MERCHANT_WITHOUT_HOURS = "M-100233";
    private static final AtomicInteger TERMINALS = new AtomicInteger();

    @Autowired protected JdbcTemplate jdbc;

    /**
     * A new terminal of a merchant, for one test: its software version, warranty end and contract
     * ({@code RENTAL_WITH_MAINTENANCE}, {@code RENTAL} or {@code PURCHASE}).
     */
    protected String newTerminal(String merchantId, String softwareVersion, String warrantyUntil, String contract) {
        String serial = "TEST-%06d".formatted(TERMINALS.incrementAndGet());
        jdbc.update("INSERT INTO terminal (serial, merchant_id, model, software_version, installed_on, warranty_until, contract)"
                        + " VALUES (?, ?, 'A920', ?, DATE '2025-01-01', ?, ?)",
                serial, merchantId, softwareVersion, java.sql.Date.valueOf(warrantyUntil), contract);
        return serial;
    }

    /** A printer fault of a new terminal of {@link #MERCHANT}: in warranty, bought, software current. */
    protected Map<String, Object> report() {
        return report(newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE"));
    }

    /** A printer fault of this terminal of {@link #MERCHANT}, as the hotline records it. */
    protected static Map<String, Object> report(String terminalSerial) {
        Map<String, Object> report = new HashMap<>();
        report.put(REPORT_CHANNEL, "HOTLINE");
        report.put(MERCHANT_ID, MERCHANT);
        report.put(CONTACT_PHONE, "+86 21 5555 0101");
        report.put(TERMINAL_SERIAL, terminalSerial);
        report.put(FAULT_CATEGORY, "PRINTER");
        report.put(PAYMENTS_BLOCKED, false);
        report.put(FAULT_DESCRIPTION, "Receipts come out blank since this morning.");
        return report;
    }

    protected ProcessInstance startTicket(Map<String, Object> report) {
        return runtimeService.startProcessInstanceByKey(PROCESS_ID, report);
    }

    /** Starts a ticket and runs the asynchronous diagnosis, so that it waits for the technician. */
    protected ProcessInstance ticketAwaitingDiagnosis(Map<String, Object> report) {
        ProcessInstance ticket = startTicket(report);
        assertThat(ticket).isWaitingAt("Task_DiagnoseFault");
        execute(job());
        assertThat(ticket).isWaitingAt("Task_ConfirmDiagnosis");
        return ticket;
    }

    protected void confirmDiagnosis(ProcessInstance ticket, String severity, String channel, boolean merchantCausedDamage) {
        complete(ticket, "Task_ConfirmDiagnosis", Map.of(SEVERITY, severity, REPAIR_CHANNEL, channel,
                MERCHANT_CAUSED_DAMAGE, merchantCausedDamage, DIAGNOSIS_NOTES, "Checked with the merchant by phone."));
    }

    /** Completes the ticket's open task with this definition key, as Tasklist would. */
    protected void complete(ProcessInstance ticket, String taskKey, Map<String, Object> variables) {
        var task = taskService.createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey(taskKey).singleResult();
        org.assertj.core.api.Assertions.assertThat(task).as("open task " + taskKey).isNotNull();
        taskService.complete(task.getId(), variables);
    }

    /** The step was rejected because of this field, and the ticket did not move. */
    protected void assertRejected(ProcessInstance ticket, String waitingAt, String field, Runnable step) {
        org.assertj.core.api.Assertions.assertThatThrownBy(step::run)
                .hasRootCauseInstanceOf(InvalidTicketInputException.class)
                .hasMessageContaining("Field '" + field + "'");
        assertThat(ticket).isWaitingAt(waitingAt);
    }

    /**
     * Runs the automated step at this activity: executes the one job waiting there; or, for a step that has no
     * transaction boundary of its own (it runs in the one of the asynchronous step before it, such as Check software
     * version after Bill parts and service), checks that the ticket has passed it.
     */
    protected void executeJobAt(ProcessInstance ticket, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(ticket.getId()).activityId(activityId).singleResult();
        if (job == null && SHARES_THE_TRANSACTION_BEFORE.contains(activityId)) {
            assertThat(ticket).hasPassed(activityId);
            return;
        }
        org.assertj.core.api.Assertions.assertThat(job).as("job at " + activityId).isNotNull();
        managementService.executeJob(job.getId());
    }

    /** Automated steps that run in the transaction of the asynchronous step before them. */
    private static final Set<String> SHARES_THE_TRANSACTION_BEFORE = Set.of("Task_CheckSoftwareVersion",
            "Task_SendSurvey", "Task_CloseTicket");

    protected Job timerAt(ProcessInstance ticket, String activityId) {
        return managementService.createJobQuery().processInstanceId(ticket.getId()).timers().activityId(activityId).singleResult();
    }

    protected Object variable(ProcessInstance ticket, String name) {
        return runtimeService.getVariable(ticket.getId(), name);
    }

    /** The kinds of the notifications to the merchant, in the ticket's journal, oldest first. */
    protected List<String> notificationKinds(ProcessInstance ticket) {
        return journal.notifications(ticket.getBusinessKey()).stream().map(TicketJournal.Entry::kind).toList();
    }

    /** The kinds of the ticket's service-level events, oldest first. */
    protected List<String> slaEventKinds(ProcessInstance ticket) {
        return journal.slaEvents(ticket.getBusinessKey()).stream().map(TicketJournal.Entry::kind).toList();
    }

    /** The ticket's record. */
    protected TicketRegistry.Ticket record(ProcessInstance ticket) {
        return registry.find(ticket.getBusinessKey()).orElseThrow();
    }

    /** Runs the repair stage's billing and the upgrade check, for a terminal whose software is current. */
    protected void billAndCheckSoftware(ProcessInstance ticket) {
        executeJobAt(ticket, "Task_BillParts");
        executeJobAt(ticket, "Task_CheckSoftwareVersion");
    }

    /** A ticket fixed by remote support, billed and checked for software, before the survey is sent. */
    protected ProcessInstance ticketRepairedRemotely(Map<String, Object> report) {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report);
        confirmDiagnosis(ticket, "NORMAL", "REMOTE", false);
        complete(ticket, "Task_RemoteSupport", Map.of(REMOTE_MEDIUM, "VIDEO",
                REMOTE_SESSION_NOTES, "Fixed on a video call.", REMOTE_RESOLVED, true));
        billAndCheckSoftware(ticket);
        return ticket;
    }

    /** Jobs of the ticket that are due now (by the engine clock) and not suspended: those the job executor would run. */
    protected List<String> dueJobActivities(ProcessInstance ticket) {
        return managementService.createJobQuery().processInstanceId(ticket.getId()).executable().active().list().stream()
                .map(job -> managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                        .singleResult().getActivityId())
                .sorted().toList();
    }

    /** The ticket's bill, in its record. */
    protected Bill bill(ProcessInstance ticket) {
        return bills.of(ticket.getBusinessKey()).orElseThrow(() -> new AssertionError("no bill for " + ticket.getBusinessKey()));
    }

    /** The ticket's bill, a line each: kind, code, amount, basis ("PART DISPLAY 260.00 CHARGED"). */
    protected List<String> billLines(ProcessInstance ticket) {
        return bill(ticket).lines().stream()
                .map(line -> line.kind() + " " + line.code() + " " + line.amount().toPlainString() + " " + line.basis())
                .toList();
    }

    /** Sends the survey, records the answer and evaluates it. */
    protected void answerSurvey(ProcessInstance ticket, int score) {
        executeJobAt(ticket, "Task_SendSurvey");
        assertThat(ticket).isWaitingAt("Task_AnswerSurvey");
        assertThat(task()).hasCandidateGroup("hotline");
        complete(ticket, "Task_AnswerSurvey", Map.of(SURVEY_SCORE, score, SURVEY_COMMENT, "Quick and friendly."));
        executeJobAt(ticket, "Task_RecordEvaluation");
    }
}
