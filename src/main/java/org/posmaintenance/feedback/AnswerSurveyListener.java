package org.posmaintenance.feedback;

import static org.posmaintenance.model.ModelContract.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.posmaintenance.ticket.TicketInput;
import org.springframework.stereotype.Component;

/** Completion of {@code Task_AnswerSurvey}: a whole score from 1 to 5 and an optional comment. */
@Component("answerSurvey")
public class AnswerSurveyListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        TicketInput input = TicketInput.of(task);
        task.setVariable(SURVEY_SCORE, input.requiredWholeNumber(SURVEY_SCORE, 1, 5));
        input.optionalText(SURVEY_COMMENT, 1000);
    }
}
