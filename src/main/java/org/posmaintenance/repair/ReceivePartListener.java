package org.posmaintenance.repair;

import static org.posmaintenance.model.ModelContract.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.StaffTexts;
import org.posmaintenance.ticket.TicketInput;
import org.springframework.stereotype.Component;

/** Completion of {@code Task_ReceivePart}: the ordered part has arrived; the repair goes on. */
@Component("receivePart")
public class ReceivePartListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!TicketInput.of(task).flag(PART_RECEIVED)) {
            throw new InvalidTicketInputException(PART_RECEIVED, "partNotArrived",
                    new StaffTexts.Word("part." + task.getVariable(PART_NEEDED)));
        }
    }
}
