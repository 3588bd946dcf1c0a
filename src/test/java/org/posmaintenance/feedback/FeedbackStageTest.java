package org.posmaintenance.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;

/** The merchant's evaluation: a good score, a low score for a manager, no answer within 7 days. */
class FeedbackStageTest extends ProcessScenarioTest {

    @Test
    void aLowScoreOpensAFollowUpForAManager() {
        ProcessInstance ticket = ticketRepairedRemotely(report());
        answerSurvey(ticket, 2);

        assertThat(variable(ticket, LOW_SCORE)).isEqualTo(true);
        var evaluation = evaluations.of(ticket.getBusinessKey()).orElseThrow();
        assertThat(evaluation.score()).isEqualTo(2);
        assertThat(evaluation.comment()).isEqualTo("Quick and friendly.");
        assertThat(evaluation.lowScore()).isTrue();
        assertThat(ticket).isWaitingAt("Task_FollowUpLowScore");
        assertThat(task()).hasCandidateGroup("managers");

        complete(ticket, "Task_FollowUpLowScore", Map.of(FOLLOW_UP_NOTES, "Called the merchant and apologised."));
        executeJobAt(ticket, "Task_CloseTicket");
        assertThat(ticket).isEnded().hasPassed("Task_FollowUpLowScore", "EndEvent_TicketClosed");
    }

    @Test
    void aSurveyWithoutAnswerClosesAfterSevenDays() {
        ProcessInstance ticket = ticketRepairedRemotely(report());
        executeJobAt(ticket, "Task_SendSurvey");
        Instant expires = WEDNESDAY_10_00.plus(7, ChronoUnit.DAYS);
        assertThat(variable(ticket, SURVEY_EXPIRES_AT)).isEqualTo(Date.from(expires));
        assertThat(timerAt(ticket, "BoundaryEvent_SurveyExpired").getDuedate()).isEqualTo(Date.from(expires));
        assertThat(task()).hasDueDate(Date.from(expires));

        setClock(expires.minusSeconds(60));
        assertThat(dueJobActivities(ticket)).isEmpty();
        setClock(expires);
        executeJobAt(ticket, "BoundaryEvent_SurveyExpired");

        assertThat(ticket).hasPassed("Task_CloseSurveyUnanswered").hasNotPassed("Task_RecordEvaluation", "Task_FollowUpLowScore");
        var evaluation = evaluations.of(ticket.getBusinessKey()).orElseThrow();
        assertThat(evaluation.answered()).isFalse();
        assertThat(evaluation.score()).isNull();
        assertThat(evaluation.recordedAt()).isEqualTo(expires);
        executeJobAt(ticket, "Task_CloseTicket");
        assertThat(ticket).isEnded();
    }

    @Test
    void aScoreOutsideOneToFiveIsRejected() {
        ProcessInstance ticket = ticketRepairedRemotely(report());
        executeJobAt(ticket, "Task_SendSurvey");

        assertRejected(ticket, "Task_AnswerSurvey", SURVEY_SCORE,
                () -> complete(ticket, "Task_AnswerSurvey", Map.of(SURVEY_SCORE, 6)));
        assertRejected(ticket, "Task_AnswerSurvey", SURVEY_SCORE,
                () -> complete(ticket, "Task_AnswerSurvey", Map.of(SURVEY_SCORE, 3.5)));
        assertRejected(ticket, "Task_AnswerSurvey", SURVEY_SCORE,
                () -> complete(ticket, "Task_AnswerSurvey", Map.of(SURVEY_COMMENT, "no score")));
    }
}
