package org.posmaintenance.feedback;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordEvaluation} and {@code Task_CloseSurveyUnanswered}: completes the ticket's evaluation. Whether
 * the survey was answered is the ticket's record (written when the survey task was completed), never a variable:
 * without an answer the evaluation is recorded as unanswered. A low score sends the ticket to a manager.
 */
@Component("recordEvaluation")
public class RecordEvaluationDelegate implements JavaDelegate {

    private final FeedbackProperties properties;
    private final Evaluations evaluations;
    private final TicketRegistry registry;
    private final Clock clock;

    public RecordEvaluationDelegate(FeedbackProperties properties, Evaluations evaluations, TicketRegistry registry, Clock clock) {
        this.properties = properties;
        this.evaluations = evaluations;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String ticketNumber = registry.ofProcess(execution.getProcessInstanceId()).number();
        Instant now = clock.instant();
        Optional<Evaluations.Evaluation> evaluation = evaluations.of(ticketNumber);
        boolean low = false;
        if (evaluation.isEmpty()) {
            evaluations.unanswered(ticketNumber, now);
        } else if (evaluation.get().answered()) {
            low = evaluation.get().score() <= properties.lowScoreThreshold();
            evaluations.recorded(ticketNumber, low, now);
        }
        // routing: the low-score gateway (whether and how the merchant answered is the evaluation's record)
        execution.setVariable(LOW_SCORE, low);
    }
}
