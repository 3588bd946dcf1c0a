package org.posmaintenance.feedback;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.notification.MerchantNotifier;
import org.posmaintenance.ticket.TicketJournal;
import org.springframework.stereotype.Component;

/** {@code Task_SendSurvey}: asks the merchant to evaluate the service, open until the expiry. */
@Component("sendSurvey")
public class SendSurveyDelegate implements JavaDelegate {

    private final FeedbackProperties properties;
    private final MerchantNotifier notifier;

    public SendSurveyDelegate(FeedbackProperties properties, MerchantNotifier notifier) {
        this.properties = properties;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant expiresAt = ClockUtil.getCurrentTime().toInstant().plus(properties.surveyExpiry());
        execution.setVariable(SURVEY_EXPIRES_AT, Date.from(expiresAt));
        notifier.notify(execution, TicketJournal.Notification.SURVEY_SENT, Map.of());
    }
}
