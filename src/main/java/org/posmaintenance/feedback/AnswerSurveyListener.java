package org.posmaintenance.feedback;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_AnswerSurvey}: a whole score from 1 to 5 and an optional comment, kept as the
 * ticket's evaluation (the record that says the survey was answered); {@code surveyAnswered} is a copy for Cockpit.
 */
@Component("answerSurvey")
public class AnswerSurveyListener implements TaskListener {

    private final Evaluations evaluations;
    private final TicketRegistry registry;
    private final Clock clock;

    public AnswerSurveyListener(Evaluations evaluations, TicketRegistry registry, Clock clock) {
        this.evaluations = evaluations;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        TicketInput input = TicketInput.of(task);
        int score = input.requiredWholeNumber(SURVEY_SCORE, 1, 5);
        String comment = input.optionalText(SURVEY_COMMENT, 1000);
        evaluations.answered(registry.ofProcess(task.getProcessInstanceId()).number(), score, comment, clock.instant());
        task.setVariable(SURVEY_SCORE, score);
    }
}
