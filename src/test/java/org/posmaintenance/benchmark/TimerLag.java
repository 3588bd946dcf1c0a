package org.posmaintenance.benchmark;

import static org.awaitility.Awaitility.await;
import static org.posmaintenance.model.ModelContract.PROCESS_ID;

import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.runtime.Job;

/**
 * SLA timers falling due at once with the backlog in place: the job executor (the application's,
 * with its settings) is started and left idle for a while; then, in one transaction, the due date of
 * {@code count} first-response warning timers of backlog tickets is set to one instant a few seconds
 * ahead ({@link ManagementService#setJobDuedate}). Each timer's lag is the time of its successful
 * execution in the historic job log minus that instant.
 */
final class TimerLag {

    static final String TIMER_ACTIVITY = "BoundaryEvent_ResponseSlaAtRisk";

    record Result(int timers, int fired, Latencies lagMillis, double idleSeconds, double setSeconds, boolean committedBeforeDue,
                  String executorSettings) {

        double firstSeconds() {
            return lagMillis.min() / 1000;
        }

        double allFiredSeconds() {
            return lagMillis.max() / 1000;
        }
    }

    private final InProcessApplication application;
    private final ManagementService management;
    private final HistoryService history;

    TimerLag(InProcessApplication application) {
        this.application = application;
        this.management = application.engine().getManagementService();
        this.history = application.engine().getHistoryService();
    }

    Result run(int count, Duration idle, Duration timeout) {
        List<Job> timers = management.createJobQuery().processDefinitionKey(PROCESS_ID).timers().activityId(TIMER_ACTIVITY)
                .listPage(0, count);
        Set<String> ids = new HashSet<>();
        timers.forEach(job -> ids.add(job.getId()));
        String jobDefinition = timers.get(0).getJobDefinitionId();

        application.startJobExecutor();
        long started = System.currentTimeMillis();
        Date due = new Date(started + idle.toMillis());
        long setStart = System.nanoTime();
        application.transaction().executeWithoutResult(status -> ids.forEach(id -> management.setJobDuedate(id, due)));
        double setSeconds = (System.nanoTime() - setStart) / 1e9;
        boolean committedBeforeDue = System.currentTimeMillis() <= due.getTime();
        System.out.printf("  %,d timers set to fall due at %s (%.1f s to set, in one transaction); job executor idle since %.1f s before%n",
                ids.size(), due.toInstant(), setSeconds, idle.toMillis() / 1000.0);
        try {
            await().atMost(idle.plus(timeout)).pollInterval(Duration.ofMillis(200))
                    .until(() -> management.createJobQuery().jobIds(ids).count() == 0);
        } catch (ConditionTimeoutException e) {
            System.out.printf("  ! not all timers fired within %s after they fell due%n", timeout);
        }
        List<HistoricJobLog> successes = history.createHistoricJobLogQuery().jobDefinitionId(jobDefinition).successLog().list();
        double[] lags = successes.stream().filter(log -> ids.contains(log.getJobId()))
                .mapToDouble(log -> log.getTimestamp().getTime() - due.getTime()).toArray();
        return new Result(ids.size(), lags.length, new Latencies(lags), idle.toMillis() / 1000.0, setSeconds, committedBeforeDue,
                application.jobExecutorSettings().toString());
    }
}
