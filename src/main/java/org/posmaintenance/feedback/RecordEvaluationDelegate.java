package org.posmaintenance.feedback;

import static org.posmaintenance.model.ModelContract.*;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketJournal;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordEvaluation} and {@code Task_CloseSurveyUnanswered}: keeps the merchant's
 * evaluation with the ticket; a low score sends the ticket to a manager.
 */
@Component("recordEvaluation")
public class RecordEvaluationDelegate implements JavaDelegate {

    private final FeedbackProperties properties;
    private final TicketJournal journal;

    public RecordEvaluationDelegate(FeedbackProperties properties, TicketJournal journal) {
        this.properties = properties;
        this.journal = journal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> evaluation = new LinkedHashMap<>();
        evaluation.put("recordedAt", ClockUtil.getCurrentTime().toInstant().toString());
        boolean answered = execution.hasVariable(SURVEY_SCORE);
        evaluation.put("answered", answered);
        boolean low = false;
        if (answered) {
            TicketInput input = TicketInput.of(execution);
            int score = input.requiredWholeNumber(SURVEY_SCORE, 1, 5);
            evaluation.put("score", score);
            evaluation.put("comment", input.optionalText(SURVEY_COMMENT, 1000));
            low = score <= properties.lowScoreThreshold();
        }
        evaluation.put("lowScore", low);
        execution.setVariable(SURVEY_ANSWERED, answered);
        execution.setVariable(LOW_SCORE, low);
        execution.setVariable(EVALUATION, journal.toJson(evaluation));
    }
}
