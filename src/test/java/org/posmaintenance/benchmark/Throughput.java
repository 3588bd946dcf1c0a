package org.posmaintenance.benchmark;

import static org.posmaintenance.model.ModelContract.PROCESS_ID;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Tickets per second through the real process against the bare model, on the same engine and database
 * in the same run. After a warm-up of both, the measured tickets run in alternating rounds (real,
 * bare, real, bare ...), so that a change in the machine's load hits both alike.
 */
final class Throughput {

    record Result(int tickets, double realSeconds, double bareSeconds, int failures, long realCompleted, long bareCompleted) {

        double realPerSecond() {
            return tickets / realSeconds;
        }

        double barePerSecond() {
            return tickets / bareSeconds;
        }

        /** Real throughput over bare throughput: 1.0 means the process costs nothing over the engine. */
        double ratio() {
            return realPerSecond() / barePerSecond();
        }
    }

    private final InProcessApplication application;
    private final TicketDriver driver;
    private final HistoryService history;
    private int terminalBatch;

    Throughput(InProcessApplication application) {
        this.application = application;
        ProcessEngine engine = application.engine();
        this.driver = new TicketDriver(engine);
        this.history = engine.getHistoryService();
    }

    Result run(int warmUp, int tickets, int rounds, int threads) {
        TicketDriver.insertMerchants(application.jdbc());
        System.out.printf("  warm-up: %d tickets through each model%n", warmUp);
        int failures = drive(PROCESS_ID, terminals(warmUp), threads) + drive(TicketDriver.BARE_PROCESS_ID, terminals(warmUp), threads);
        long realBefore = completed(PROCESS_ID);
        long bareBefore = completed(TicketDriver.BARE_PROCESS_ID);
        double real = 0;
        double bare = 0;
        int perRound = tickets / rounds;
        for (int round = 1; round <= rounds; round++) {
            List<String> realTerminals = terminals(perRound);
            List<String> bareTerminals = terminals(perRound);
            long start = System.nanoTime();
            failures += drive(PROCESS_ID, realTerminals, threads);
            double realRound = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            failures += drive(TicketDriver.BARE_PROCESS_ID, bareTerminals, threads);
            double bareRound = (System.nanoTime() - start) / 1e9;
            real += realRound;
            bare += bareRound;
            System.out.printf("  round %d: real process %.1f tickets/s, bare model %.1f tickets/s%n", round,
                    perRound / realRound, perRound / bareRound);
        }
        return new Result(perRound * rounds, real, bare, failures,
                completed(PROCESS_ID) - realBefore, completed(TicketDriver.BARE_PROCESS_ID) - bareBefore);
    }

    /** New terminals for a batch of tickets (inserted before the batch is timed). */
    private List<String> terminals(int count) {
        return TicketDriver.insertTerminals(application.jdbc(), "TP%02d".formatted(terminalBatch++), count);
    }

    /** Starts a ticket of the model for each terminal and drives it to its end; returns the failures. */
    private int drive(String processKey, List<String> terminals, int threads) {
        return TicketDriver.inParallel(terminals.size(), threads, i -> driver.runToEnd(driver.start(processKey, terminals.get(i))));
    }

    private long completed(String processKey) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).completed().count();
    }
}
