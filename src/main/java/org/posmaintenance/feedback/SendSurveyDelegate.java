package org.posmaintenance.feedback;

import static org.posmaintenance.ticket.TicketVariables.*;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.ticket.TicketJournal;
import org.springframework.stereotype.Component;

/** {@code Task_SendSurvey}: asks the merchant to evaluate the service, open until the expiry. */
@Component("sendSurvey")
public class SendSurveyDelegate implements JavaDelegate {

    private final FeedbackProperties properties;
    private final TicketJournal journal;

    public SendSurveyDelegate(FeedbackProperties properties, TicketJournal journal) {
        this.properties = properties;
        this.journal = journal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant expiresAt = ClockUtil.getCurrentTime().toInstant().plus(properties.surveyExpiry());
        execution.setVariable(SURVEY_EXPIRES_AT, Date.from(expiresAt));
        journal.notifyMerchant(execution, TicketJournal.Notification.SURVEY_SENT,
                "Your terminal is repaired. Please rate our service from 1 to 5 for ticket "
                        + execution.getVariable(TICKET_NUMBER) + ".", null);
    }
}
