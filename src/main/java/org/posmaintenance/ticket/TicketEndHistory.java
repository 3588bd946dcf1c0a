package org.posmaintenance.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.posmaintenance.model.ModelContract;
import org.springframework.stereotype.Component;

/**
 * Closes the ticket record when the ticket's process instance ends, however it ends: completed, cancelled
 * in the model, or deleted through Cockpit or REST, with or without {@code skipCustomListeners}. The engine
 * produces the process instance's end event with a built-in listener that no option skips; this handler
 * receives it next to the engine's own history handler, in the transaction that ends the instance.
 * {@link TicketReconciliation} repairs what could still slip through (an instance removed from the database
 * by other means).
 */
@Component
public class TicketEndHistory extends AbstractProcessEnginePlugin implements HistoryEventHandler {

    private final TicketRegistry registry;
    private final Clock clock;

    public TicketEndHistory(TicketRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryEventHandlers() == null) {
            configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        configuration.getCustomHistoryEventHandlers().add(this);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricProcessInstanceEventEntity instance && event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)
                && ModelContract.PROCESS_ID.equals(instance.getProcessDefinitionKey())) {
            Instant at = instance.getEndTime() == null ? clock.instant() : instance.getEndTime().toInstant();
            String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
            registry.markEnded(instance.getProcessInstanceId(), at, outcome(instance.getState(), instance.getEndActivityId()),
                    instance.getDeleteReason(), user);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    /** How a ticket ended, from the state of its process instance and the end event it reached. */
    static TicketRegistry.Outcome outcome(String state, String endActivityId) {
        if (ModelContract.END_EVENT_TICKET_CLOSED.equals(endActivityId)) {
            return TicketRegistry.Outcome.CLOSED;
        }
        if (HistoricProcessInstance.STATE_COMPLETED.equals(state)) {
            // an end event of the cancellation; the record was closed as CANCELLED when the cancellation was accepted
            return TicketRegistry.Outcome.CANCELLED;
        }
        return TicketRegistry.Outcome.DELETED;
    }
}
