package org.posmaintenance.revision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanExecutionBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.posmaintenance.model.ModelContract;
import org.springframework.stereotype.Service;

/**
 * Moves running tickets to a revised version of the maintenance process: per older version, a Camunda
 * migration plan that maps every activity with the same id (plus the renames an analyst names), checked
 * against where the tickets actually wait before anything is changed. An activity keeps its id also when the
 * sub-process around it is gone (the stages' sub-processes of models up to 1.2.3 are groups since 1.2.4):
 * Camunda's own mapping by id covers only activities whose scopes are mapped too, so those are named here.
 */
@Service
public class ProcessRevisions {

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;

    public ProcessRevisions(RepositoryService repository, RuntimeService runtime, ManagementService management) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
    }

    /** Every deployed version of the maintenance process, newest first, with its running tickets. */
    public List<VersionInUse> versions() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(ModelContract.PROCESS_ID)
                .orderByProcessDefinitionVersion().desc().list().stream()
                .map(definition -> new VersionInUse(version(definition), running(definition).count()))
                .toList();
    }

    public MigrationReport migrate(MigrationRequest request) {
        ProcessDefinition target = target(request.targetVersionTag());
        List<ProcessDefinition> sources = sources(request.sourceVersions(), target);
        List<String> problems = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        for (ProcessDefinition source : sources) {
            MigrationPlan plan = plan(source, target, request, problems);
            if (plan != null) {
                long tickets = running(source).count();
                problems.addAll(unmappedWaitStates(source, target, plan));
                plans.add(new Plan(source, plan, tickets));
            }
        }
        if (!problems.isEmpty()) {
            throw RevisionRejectedException.cannotMigrate("The running tickets cannot be moved to version "
                    + target.getVersion() + " (" + target.getVersionTag() + ")", problems);
        }
        List<MigrationReport.Source> done = new ArrayList<>();
        for (Plan plan : plans) {
            long migrated = 0;
            String batchId = null;
            if (!request.dryRun() && plan.tickets() > 0) {
                MigrationPlanExecutionBuilder execution = runtime.newMigration(plan.plan())
                        .processInstanceQuery(running(plan.source()));
                if (request.batch()) {
                    Batch batch = execution.executeAsync();
                    batchId = batch.getId();
                } else {
                    execution.execute();
                    migrated = plan.tickets() - running(plan.source()).count();
                }
            }
            done.add(new MigrationReport.Source(version(plan.source()), plan.plan().getInstructions().size(),
                    plan.tickets(), migrated, batchId));
        }
        return new MigrationReport(version(target), done, request.dryRun());
    }

    private ProcessDefinition target(String versionTag) {
        var query = repository.createProcessDefinitionQuery().processDefinitionKey(ModelContract.PROCESS_ID);
        if (versionTag == null || versionTag.isBlank()) {
            ProcessDefinition latest = query.latestVersion().singleResult();
            if (latest == null) {
                throw RevisionRejectedException.cannotMigrate("No version of " + ModelContract.PROCESS_ID + " is deployed",
                        List.of());
            }
            return latest;
        }
        List<ProcessDefinition> tagged = query.versionTag(versionTag).orderByProcessDefinitionVersion().desc().list();
        if (tagged.isEmpty()) {
            throw RevisionRejectedException.invalid("targetVersionTag", "no deployed version is tagged '" + versionTag + "'");
        }
        return tagged.get(0);
    }

    private List<ProcessDefinition> sources(List<Integer> versions, ProcessDefinition target) {
        List<ProcessDefinition> all = repository.createProcessDefinitionQuery()
                .processDefinitionKey(ModelContract.PROCESS_ID).list();
        List<ProcessDefinition> sources = new ArrayList<>();
        for (ProcessDefinition definition : all) {
            boolean asked = versions.isEmpty() || versions.contains(definition.getVersion());
            if (asked && !definition.getId().equals(target.getId()) && (!versions.isEmpty() || running(definition).count() > 0)) {
                sources.add(definition);
            }
        }
        Set<Integer> found = new LinkedHashSet<>(all.stream().map(ProcessDefinition::getVersion).toList());
        List<Integer> unknown = versions.stream().filter(version -> !found.contains(version)).toList();
        if (!unknown.isEmpty()) {
            throw RevisionRejectedException.invalid("sourceVersions", "there is no version " + unknown);
        }
        if (versions.contains(target.getVersion())) {
            throw RevisionRejectedException.invalid("sourceVersions", "version " + target.getVersion() + " is the target");
        }
        sources.sort(Comparator.comparingInt(ProcessDefinition::getVersion));
        return sources;
    }

    private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, MigrationRequest request,
                               List<String> problems) {
        MigrationInstructionsBuilder equal = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities();
        MigrationPlanBuilder builder = request.updateEventTriggers() ? equal.updateEventTriggers() : equal;
        BpmnModelInstance from = repository.getBpmnModelInstance(source.getId());
        Map<String, String> mappings = new LinkedHashMap<>();
        outOfRemovedScopes(from, repository.getBpmnModelInstance(target.getId())).forEach(id -> mappings.put(id, id));
        mappings.putAll(request.activityMappings());
        mappings.forEach((activity, renamed) -> {
            var instruction = builder.mapActivities(activity, renamed);
            // only an event has a trigger to update (a timer's due date); Camunda refuses the flag on anything else
            if (request.updateEventTriggers() && from.getModelElementById(activity) instanceof CatchEvent) {
                instruction.updateEventTrigger();
            }
        });
        try {
            return builder.build();
        } catch (MigrationPlanValidationException invalid) {
            for (MigrationInstructionValidationReport report : invalid.getValidationReport().getInstructionReports()) {
                MigrationInstruction instruction = report.getMigrationInstruction();
                problems.add("version " + source.getVersion() + ": " + instruction.getSourceActivityId() + " -> "
                        + instruction.getTargetActivityId() + ": " + String.join(", ", report.getFailures()));
            }
            if (problems.isEmpty()) {
                problems.add("version " + source.getVersion() + ": " + invalid.getMessage());
            }
            return null;
        }
    }

    /** BPMN elements a ticket can wait at, or a timer or message wait on, that a migration plan may map. */
    private static final Set<String> MIGRATABLE = Set.of("userTask", "serviceTask", "sendTask", "receiveTask",
            "businessRuleTask", "scriptTask", "manualTask", "task", "callActivity", "subProcess", "intermediateCatchEvent",
            "boundaryEvent");

    /**
     * The activities of {@code from} that {@code to} has with the same id and type, in the same sub-processes but for
     * those {@code to} no longer has; a boundary event only on the same activity, and only a timer, message or signal
     * (what Camunda migrates without updating the trigger). Joining gateways are not among them: Camunda maps one
     * only within a mapped scope.
     */
    private static List<String> outOfRemovedScopes(BpmnModelInstance from, BpmnModelInstance to) {
        List<String> moved = new ArrayList<>();
        for (FlowNode node : from.getModelElementsByType(FlowNode.class)) {
            String type = node.getElementType().getTypeName();
            if (!MIGRATABLE.contains(type) || !(to.getModelElementById(node.getId()) instanceof FlowNode there)
                    || !type.equals(there.getElementType().getTypeName())) {
                continue;
            }
            List<String> scopes = subProcessesAround(node);
            List<String> kept = scopes.stream().filter(scope -> to.getModelElementById(scope) instanceof SubProcess).toList();
            if (kept.size() < scopes.size() && kept.equals(subProcessesAround(there)) && sameTrigger(node, there)) {
                moved.add(node.getId());
            }
        }
        return moved;
    }

    /** The sub-processes around an element, the innermost first. */
    private static List<String> subProcessesAround(ModelElementInstance element) {
        List<String> scopes = new ArrayList<>();
        for (ModelElementInstance parent = element.getParentElement(); parent instanceof SubProcess scope;
             parent = parent.getParentElement()) {
            scopes.add(scope.getId());
        }
        return scopes;
    }

    /** Whether an event waits for a timer, message or signal in both versions (and a boundary event on the same activity). */
    private static boolean sameTrigger(FlowNode source, FlowNode target) {
        if (!(source instanceof CatchEvent event)) {
            return true;
        }
        boolean supported = !event.getEventDefinitions().isEmpty() && event.getEventDefinitions().stream().allMatch(definition ->
                definition instanceof TimerEventDefinition || definition instanceof MessageEventDefinition
                        || definition instanceof SignalEventDefinition);
        boolean sameActivity = !(source instanceof BoundaryEvent boundary)
                || boundary.getAttachedTo().getId().equals(((BoundaryEvent) target).getAttachedTo().getId());
        return supported && sameActivity;
    }

    /** Activities where tickets of {@code source} wait that the plan does not map: they could not be moved. */
    private List<String> unmappedWaitStates(ProcessDefinition source, ProcessDefinition target, MigrationPlan plan) {
        Set<String> mapped = new LinkedHashSet<>();
        plan.getInstructions().forEach(instruction -> mapped.add(instruction.getSourceActivityId()));
        Map<String, Integer> waiting = new TreeMap<>();
        for (ActivityStatistics statistics : management.createActivityStatisticsQuery(source.getId()).list()) {
            if (!mapped.contains(statistics.getId())) {
                waiting.merge(statistics.getId(), statistics.getInstances(), Integer::sum);
            }
        }
        List<String> problems = new ArrayList<>();
        waiting.forEach((activity, tickets) -> problems.add(tickets + " ticket(s) of version " + source.getVersion() + " ("
                + source.getVersionTag() + ") wait at " + activity + ", which version " + target.getVersion() + " ("
                + target.getVersionTag() + ") does not have, or not where the plan can map it: name its id there in 'activityMappings'"));
        return problems;
    }

    private ProcessInstanceQuery running(ProcessDefinition definition) {
        return runtime.createProcessInstanceQuery().processDefinitionId(definition.getId());
    }

    private static MigrationReport.Version version(ProcessDefinition definition) {
        return new MigrationReport.Version(definition.getId(), definition.getVersion(), definition.getVersionTag());
    }

    /** A deployed version and how many tickets run on it. */
    public record VersionInUse(MigrationReport.Version version, long runningTickets) {
    }

    private record Plan(ProcessDefinition source, MigrationPlan plan, long tickets) {
    }
}
