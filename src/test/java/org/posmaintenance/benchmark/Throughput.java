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

    record Result(int tickets, double realSeconds, double bareSeconds, int failures, long realCompleted, long bareCompleted,
                  ProcessorTime.Spent realProcessor, ProcessorTime.Spent bareProcessor) {

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

        /** Processor time per bare ticket over that per real ticket: the same ratio, in processor time instead of wall time. */
        double processorRatio() {
            return (double) (bareProcessor.javaNanos() + bareProcessor.databaseNanos())
                    / (realProcessor.javaNanos() + realProcessor.databaseNanos());
        }
    }

    private final InProcessApplication application;
    private final TicketDriver driver;
    private final HistoryService history;
    private final ProcessorTime processor;
    private int terminalBatch;

    /** @param localPostgres whether the database is a PostgreSQL server on this machine (its processor time counts too) */
    Throughput(InProcessApplication application, boolean localPostgres) {
        this.application = application;
        this.processor = new ProcessorTime(localPostgres);
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
        ProcessorTime.Spent realProcessor = new ProcessorTime.Spent(0, 0);
        ProcessorTime.Spent bareProcessor = new ProcessorTime.Spent(0, 0);
        int perRound = tickets / rounds;
        for (int round = 1; round <= rounds; round++) {
            List<String> realTerminals = terminals(perRound);
            List<String> bareTerminals = terminals(perRound);
            ProcessorTime.Reading before = processor.read();
            long start = System.nanoTime();
            failures += drive(PROCESS_ID, realTerminals, threads);
            double realRound = (System.nanoTime() - start) / 1e9;
            ProcessorTime.Reading between = processor.read();
            start = System.nanoTime();
            failures += drive(TicketDriver.BARE_PROCESS_ID, bareTerminals, threads);
            double bareRound = (System.nanoTime() - start) / 1e9;
            ProcessorTime.Spent realRoundProcessor = between.since(before);
            ProcessorTime.Spent bareRoundProcessor = processor.read().since(between);
            real += realRound;
            bare += bareRound;
            realProcessor = realProcessor.plus(realRoundProcessor);
            bareProcessor = bareProcessor.plus(bareRoundProcessor);
            System.out.printf("  round %d: real process %.1f tickets/s, bare model %.1f tickets/s; processor time per ticket real %s,"
                    + " bare %s%n", round, perRound / realRound, perRound / bareRound, realRoundProcessor.perItem(perRound),
                    bareRoundProcessor.perItem(perRound));
        }
        return new Result(perRound * rounds, real, bare, failures,
                completed(PROCESS_ID) - realBefore, completed(TicketDriver.BARE_PROCESS_ID) - bareBefore, realProcessor, bareProcessor);
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
