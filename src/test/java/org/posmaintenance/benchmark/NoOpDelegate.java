package org.posmaintenance.benchmark;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The service tasks of the bare benchmark model ({@code benchmark/BareTicket.bpmn}): they do nothing. */
public class NoOpDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        // the baseline measures the engine alone
    }
}
