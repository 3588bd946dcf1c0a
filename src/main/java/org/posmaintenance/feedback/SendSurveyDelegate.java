package org.posmaintenance.feedback;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.posmaintenance.notification.MerchantNotifier;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/** {@code Task_SendSurvey}: asks the merchant to evaluate the service, open until the expiry. */
@Component("sendSurvey")
public class SendSurveyDelegate implements JavaDelegate {

    private final FeedbackProperties properties;
    private final MerchantNotifier notifier;
    private final TicketRegistry registry;
    private final Clock clock;

    public SendSurveyDelegate(FeedbackProperties properties, MerchantNotifier notifier, TicketRegistry registry, Clock clock) {
        this.properties = properties;
        this.notifier = notifier;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.surveyExpiry());
        registry.surveySent(execution.getProcessInstanceId(), now, expiresAt);
        // the survey's timer reads this copy
        execution.setVariable(SURVEY_EXPIRES_AT, Date.from(expiresAt));
        notifier.notify(execution.getProcessInstanceId(), TicketJournal.Notification.SURVEY_SENT, Map.of());
    }
}
