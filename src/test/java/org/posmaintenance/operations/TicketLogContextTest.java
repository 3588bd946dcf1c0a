package org.posmaintenance.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * What the engine logs while it works a ticket carries the ticket's number in the logging context (MDC
 * {@code ticketNumber}, set from the business key: {@code logging-context-business-key} in application.yaml), so that
 * the JSON logs and the text pattern name the ticket, with the step and the process instance. Checked on the engine's
 * own log lines of a ticket's step.
 */
class TicketLogContextTest extends ProcessScenarioTest {

    @Test
    void theEnginesLinesOfATicketsStepNameTheTicket() {
        ProcessInstance ticket = startTicket(report());
        Logger engine = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.context");
        Level before = engine.getLevel();
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        engine.addAppender(lines);
        engine.setLevel(Level.DEBUG);
        try {
            executeJobAt(ticket, "Task_DiagnoseFault");
        } finally {
            engine.setLevel(before);
            engine.detachAppender(lines);
        }
        assertThat(lines.list).as("the engine's lines while it diagnoses the ticket").isNotEmpty();
        assertThat(lines.list).anySatisfy(line -> assertThat(line.getMDCPropertyMap())
                .containsEntry("ticketNumber", ticket.getBusinessKey())
                .containsEntry("processInstanceId", ticket.getId())
                .containsEntry("activityId", "Task_DiagnoseFault"));
        // the properties that say nothing on a node of this application are not kept up to date at every step (the
        // engine would set these three for every ticket; application and tenant it has none to set here)
        assertThat(lines.list).allSatisfy(line -> assertThat(line.getMDCPropertyMap())
                .doesNotContainKeys("activityName", "processDefinitionId", "engineName"));
    }
}
