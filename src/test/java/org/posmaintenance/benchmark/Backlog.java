package org.posmaintenance.benchmark;

import static org.posmaintenance.model.ModelContract.PROCESS_ID;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * Open tickets through the real start path: for each, a terminal record (plain JDBC batch, not timed),
 * then {@code startProcessInstanceByKey} with the report's variables (registration, ticket number,
 * notification) and the execution of its asynchronous diagnosis (decision table, SLA deadlines), after
 * which the ticket waits at "Confirm diagnosis" for the technicians with its two first-response timers
 * (warning and breach) armed: a task, its candidate-group link and grant, two timer jobs per ticket.
 */
final class Backlog {

    record Result(int tickets, double seconds, int failures, long openTasks, long pendingTimers, long databaseBytes,
                  long heapUsedBytes, double terminalSeconds) {

        double perSecond() {
            return tickets / seconds;
        }
    }

    private final InProcessApplication application;
    private final BenchDatabase database;
    private final TicketDriver driver;

    Backlog(InProcessApplication application, BenchDatabase database) {
        this.application = application;
        this.database = database;
        this.driver = new TicketDriver(application.engine());
    }

    Result create(int tickets, int threads) {
        TicketDriver.insertMerchants(application.jdbc());
        long start = System.nanoTime();
        List<String> terminals = TicketDriver.insertTerminals(application.jdbc(), "BL", tickets);
        double terminalSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %,d terminals inserted in %.1f s%n", tickets, terminalSeconds);

        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, tickets / 10);
        start = System.nanoTime();
        long begin = start;
        int failures = TicketDriver.inParallel(tickets, threads, i -> {
            String ticket = driver.start(PROCESS_ID, terminals.get(i));
            driver.executeAsyncJob(ticket);
            int count = done.incrementAndGet();
            if (count % step == 0) {
                double elapsed = (System.nanoTime() - begin) / 1e9;
                System.out.printf("  %,d open tickets after %.0f s (%.0f tickets/s)%n", count, elapsed, count / elapsed);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;

        ProcessEngine engine = application.engine();
        long openTasks = engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS_ID)
                .taskDefinitionKey("Task_ConfirmDiagnosis").count();
        long timers = engine.getManagementService().createJobQuery().processDefinitionKey(PROCESS_ID).timers().count();
        return new Result(tickets, seconds, failures, openTasks, timers, database.sizeInBytes(), heapUsedAfterGc(), terminalSeconds);
    }

    /** Heap in use after a full collection, in bytes. */
    static long heapUsedAfterGc() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
