package org.posmaintenance.benchmark;

import static org.posmaintenance.model.ModelContract.*;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Moves tickets through a model with the engine's Java API, the same way for the real process and for
 * the bare one: start the instance with the report's variables, then, until it ends, execute its due
 * asynchronous job ({@link ManagementService#executeJob}) or complete its open user task
 * ({@link TaskService#complete}) with the variables a person would enter for that task. Timer jobs
 * are left alone (they are armed and cancelled by the process, never due during a run).
 * The shortest complete path: remote repair that fixes the fault, software current, survey answered.
 */
final class TicketDriver {

    static final String BARE_PROCESS_ID = "BareTicket";
    static final String MERCHANT_PREFIX = "M-BENCH-";
    static final int MERCHANTS = 100;

    /** What a person enters in each user task of the shortest path (the task ids are the same in both models). */
    private static final Map<String, Map<String, Object>> TASK_INPUT = Map.of(
            "Task_ConfirmDiagnosis", Map.of(SEVERITY, "NORMAL", REPAIR_CHANNEL, "REMOTE", MERCHANT_CAUSED_DAMAGE, false,
                    DIAGNOSIS_NOTES, "Checked with the merchant by phone."),
            "Task_RemoteSupport", Map.of(REMOTE_MEDIUM, "VIDEO", REMOTE_SESSION_NOTES, "Cleaned the print head on a video call.",
                    REMOTE_RESOLVED, true),
            "Task_AnswerSurvey", Map.of(SURVEY_SCORE, 5, SURVEY_COMMENT, "Quick and friendly."));

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    TicketDriver(ProcessEngine engine) {
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        this.management = engine.getManagementService();
    }

    /** Inserts the benchmark's merchants (once) with plain JDBC. */
    static void insertMerchants(JdbcTemplate jdbc) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM merchant WHERE merchant_id LIKE ?", Integer.class, MERCHANT_PREFIX + "%") > 0) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < MERCHANTS; i++) {
            rows.add(new Object[] {merchant(i), "Benchmark shop " + i, "shop" + i + "@example.org", "+86 21 5555 %04d".formatted(i),
                    i % 2 == 0 ? "zh-CN" : "en"});
        }
        jdbc.batchUpdate("INSERT INTO merchant (merchant_id, name, email, phone, opening_hours, language)"
                + " VALUES (?, ?, ?, ?, '09:00-21:00', ?)", rows);
    }

    /**
     * Inserts {@code count} terminals {@code <prefix>-000000...} (one open ticket per terminal is allowed), software
     * current, in warranty, bought; returns their serials. Plain JDBC batches of 1,000.
     */
    static List<String> insertTerminals(JdbcTemplate jdbc, String prefix, int count) {
        List<String> serials = new ArrayList<>(count);
        List<Object[]> batch = new ArrayList<>();
        Date installed = Date.valueOf("2025-06-01");
        Date warrantyUntil = Date.valueOf("2030-12-31");
        for (int i = 0; i < count; i++) {
            String serial = "%s-%06d".formatted(prefix, i);
            serials.add(serial);
            batch.add(new Object[] {serial, merchantOf(serial), installed, warrantyUntil});
            if (batch.size() == 1000 || i == count - 1) {
                jdbc.batchUpdate("INSERT INTO terminal (serial, merchant_id, model, software_version, installed_on, warranty_until, contract)"
                        + " VALUES (?, ?, 'A920', '3.4.0', ?, ?, 'PURCHASE')", batch);
                batch.clear();
            }
        }
        return serials;
    }

    private static String merchant(int index) {
        return MERCHANT_PREFIX + "%03d".formatted(index);
    }

    private static String merchantOf(String serial) {
        return merchant(Math.floorMod(serial.hashCode(), MERCHANTS));
    }

    /** A printer fault of this terminal, as the hotline records it (the start form's variables). */
    static Map<String, Object> report(String serial) {
        Map<String, Object> report = new HashMap<>();
        report.put(REPORT_CHANNEL, "HOTLINE");
        report.put(MERCHANT_ID, merchantOf(serial));
        report.put(CONTACT_PHONE, "+86 21 5555 0101");
        report.put(TERMINAL_SERIAL, serial);
        report.put(FAULT_CATEGORY, "PRINTER");
        report.put(PAYMENTS_BLOCKED, false);
        report.put(FAULT_DESCRIPTION, "Receipts come out blank since this morning.");
        return report;
    }

    String start(String processKey, String serial) {
        return runtime.startProcessInstanceByKey(processKey, report(serial)).getId();
    }

    /** Executes the instance's due asynchronous job; false when it has none. */
    boolean executeAsyncJob(String processInstanceId) {
        List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).messages().list();
        if (jobs.isEmpty()) {
            return false;
        }
        management.executeJob(jobs.get(0).getId());
        return true;
    }

    /**
     * Takes a ticket waiting at "Confirm diagnosis" to the repair centre: the technician confirms a mail-in repair, and
     * the ticket waits at "Receive terminal" (candidate group {@code repaircentre}).
     */
    void toRepairCentre(String processInstanceId) {
        Task confirm = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("Task_ConfirmDiagnosis")
                .singleResult();
        tasks.complete(confirm.getId(), Map.of(SEVERITY, "NORMAL", REPAIR_CHANNEL, "MAIL_IN", MERCHANT_CAUSED_DAMAGE, false,
                DIAGNOSIS_NOTES, "The card reader needs the repair centre."));
        for (int step = 0; step < 20; step++) {
            if (tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(TASK_RECEIVE_TERMINAL).count() > 0) {
                return;
            }
            if (!executeAsyncJob(processInstanceId)) {
                break;
            }
        }
        throw new IllegalStateException("Ticket " + processInstanceId + " did not reach " + TASK_RECEIVE_TERMINAL);
    }

    /** Drives the instance until it ends. */
    void runToEnd(String processInstanceId) {
        while (true) {
            if (executeAsyncJob(processInstanceId)) {
                continue;
            }
            List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).list();
            if (open.isEmpty()) {
                return;
            }
            Task task = open.get(0);
            Map<String, Object> input = TASK_INPUT.get(task.getTaskDefinitionKey());
            if (input == null) {
                throw new IllegalStateException("The benchmark path does not expect task " + task.getTaskDefinitionKey());
            }
            tasks.complete(task.getId(), input);
        }
    }

    /**
     * Runs {@code work} for indexes 0..count-1 on {@code threads} threads; returns the failures (each is
     * printed once with its first cause; the run goes on).
     */
    static int inParallel(int count, int threads, IntConsumer work) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        try {
                            work.accept(i);
                        } catch (RuntimeException e) {
                            if (failures.incrementAndGet() <= 5) {
                                System.out.println("    ! item " + i + " failed: " + e);
                            }
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        return failures.get();
    }
}
