package org.posmaintenance.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.posmaintenance.model.ModelContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox: each due notification is claimed, sent through its channel and marked sent. A
 * failure is retried with doubling waits; after the last attempt the notification is given up and an
 * incident of type {@value #INCIDENT_TYPE} is raised on the ticket, so that managers see it in Cockpit.
 */
@Component
public class OutboxSender {

    public static final String INCIDENT_TYPE = "notificationFailed";
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final NotificationOutbox outbox;
    private final Map<String, NotificationChannel> channels;
    private final NotificationProperties properties;
    private final Clock clock;
    private final RuntimeService runtime;

    public OutboxSender(NotificationOutbox outbox, List<NotificationChannel> channels, NotificationProperties properties,
                        RuntimeService runtime, Clock clock) {
        this.outbox = outbox;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
        this.properties = properties;
        this.runtime = runtime;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pos.notifications.poll-interval}", initialDelayString = "${pos.notifications.poll-interval}")
    void sendScheduled() {
        if (properties.sending()) {
            sendDue();
        }
    }

    /** Sends what is due now; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        for (NotificationOutbox.Pending pending : outbox.due(50, properties.maxAttempts())) {
            Instant now = clock.instant();
            if (!outbox.claim(pending.id(), now.plus(CLAIM))) {
                continue;
            }
            try {
                channel(pending.channel()).send(pending.recipient(), pending.subject(), pending.body(), pending.messageId());
                outbox.markSent(pending.id(), Masking.withoutTokens(pending.body()));
                sent++;
            } catch (RuntimeException e) {
                failed(pending, now, e);
            }
        }
        return sent;
    }

    private void failed(NotificationOutbox.Pending pending, Instant now, RuntimeException error) {
        int attempts = pending.attempts() + 1;
        Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 16));
        outbox.markFailed(pending.id(), now.plus(wait), error.toString());
        if (attempts < properties.maxAttempts()) {
            LOG.warn("Notification {} of ticket {} failed (attempt {}), next try in {}: {}",
                    pending.id(), pending.ticketNumber(), attempts, wait, error.toString());
            return;
        }
        LOG.error("Notification {} of ticket {} given up after {} attempts: {}",
                pending.id(), pending.ticketNumber(), attempts, error.toString());
        ProcessInstance ticket = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(pending.ticketNumber(), ModelContract.PROCESS_ID).singleResult();
        if (ticket != null) {
            runtime.createIncident(INCIDENT_TYPE, waitingExecution(runtime.getActivityInstance(ticket.getId())),
                    "outbox:" + pending.id(),
                    pending.kind() + " to " + pending.recipient() + " could not be sent: " + error.getMessage());
        }
    }

    /** An execution waiting in an activity of the ticket (incidents belong to an activity). */
    private static String waitingExecution(ActivityInstance instance) {
        ActivityInstance leaf = instance;
        while (leaf.getChildActivityInstances().length > 0) {
            leaf = leaf.getChildActivityInstances()[0];
        }
        return leaf.getExecutionIds()[0];
    }

    private NotificationChannel channel(String name) {
        NotificationChannel channel = channels.get(name);
        if (channel == null) {
            throw new IllegalStateException("No notification channel " + name);
        }
        return channel;
    }
}
