package org.posmaintenance.model;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;

/**
 * A deployment the {@link DeploymentGuard} refused. A {@code ParseException}, so that the REST API answers
 * 400 with a report per resource: each problem's message, element id and line.
 */
public class ModelRefusedException extends ParseException {

    private static final long serialVersionUID = 1L;

    ModelRefusedException(Map<String, List<Problem>> problems) {
        super(message(problems), first(problems).getKey(), first(problems).getValue(), List.of());
        problems.entrySet().stream().skip(1)
                .forEach(resource -> resorceReports.add(new ResourceReportImpl(resource.getKey(), resource.getValue(), List.of())));
    }

    private static Map.Entry<String, List<Problem>> first(Map<String, List<Problem>> problems) {
        return problems.entrySet().iterator().next();
    }

    private static String message(Map<String, List<Problem>> problems) {
        return "The deployment is refused, nothing was deployed: " + problems.entrySet().stream()
                .flatMap(resource -> resource.getValue().stream().map(problem -> resource.getKey() + ": " + problem.getMessage()))
                .collect(Collectors.joining("; "));
    }
}
