package org.posmaintenance.worklist;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tasklist's worklist, kept exact in each task's own transaction: every open user task of every deployed model (its
 * assignee, creation, due date) and its candidate groups ({@code worklist_task}, {@code worklist_group}). A listener
 * added to every user task by a parse listener keeps it: on creation, on every change (claim, due date, candidate
 * groups: the engine fires {@code update} for each), and on completion or deletion. The listener is one of the
 * engine's built-in kind, so that it also runs when a process instance is deleted without custom listeners. Tasks
 * outside a process model cannot be: standalone tasks are off ({@code standaloneTasksEnabled}) and the deployment guard
 * refuses case models, so no open task escapes it. The worklist answers Tasklist's filter "My group's tasks"
 * ({@link WorklistFilterService}), which the engine answers by joining every open task with its grants.
 */
@Component
public class Worklist extends AbstractProcessEnginePlugin {

    private final JdbcTemplate jdbc;

    public Worklist(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // every open task belongs to a process model: no standalone tasks (case models are refused by the deployment guard)
        configuration.setStandaloneTasksEnabled(false);
        configuration.setFilterService(new WorklistFilterService(configuration, new WorklistQueries(jdbc)));
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener keeper = this::keep;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE,
                        TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE)) {
                    definition.addBuiltInTaskListener(event, keeper);
                }
            }
        });
    }

    private void keep(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> remove(task.getId());
            default -> put(task);
        }
    }

    private void remove(String taskId) {
        jdbc.update("DELETE FROM worklist_group WHERE task_id = ?", taskId);
        jdbc.update("DELETE FROM worklist_task WHERE task_id = ?", taskId);
    }

    private void put(DelegateTask task) {
        Timestamp created = timestamp(task.getCreateTime());
        Timestamp due = timestamp(task.getDueDate());
        Set<String> groups = new TreeSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        if (jdbc.update("UPDATE worklist_task SET assignee = ?, due = ? WHERE task_id = ?", task.getAssignee(), due, task.getId()) == 0) {
            jdbc.update("INSERT INTO worklist_task (task_id, process_instance_id, assignee, created, due) VALUES (?, ?, ?, ?, ?)",
                    task.getId(), task.getProcessInstanceId(), task.getAssignee(), created, due);
        } else if (groups.equals(new TreeSet<>(jdbc.queryForList("SELECT group_id FROM worklist_group WHERE task_id = ?",
                String.class, task.getId())))) {
            // the same groups (most changes are of variables or the assignee): only the due date may have moved
            jdbc.update("UPDATE worklist_group SET due = ? WHERE task_id = ?", due, task.getId());
            return;
        }
        jdbc.update("DELETE FROM worklist_group WHERE task_id = ?", task.getId());
        List<Object[]> rows = new ArrayList<>();
        for (String group : groups) {
            rows.add(new Object[] {group, task.getId(), due, created});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO worklist_group (group_id, task_id, due, created) VALUES (?, ?, ?, ?)", rows);
        }
    }

    private static Timestamp timestamp(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }

    /**
     * Fills the worklist from the engine's tables once (the first start of the release that brought it): the open
     * tasks of earlier releases. Called at start-up with the nodes' set-up lock held.
     */
    void fillOnce() {
        Timestamp filled = jdbc.queryForObject("SELECT filled_at FROM worklist_state WHERE id = 1 FOR UPDATE", Timestamp.class);
        if (filled != null) {
            return;
        }
        jdbc.update("INSERT INTO worklist_task (task_id, process_instance_id, assignee, created, due)"
                + " SELECT t.ID_, t.PROC_INST_ID_, t.ASSIGNEE_, t.CREATE_TIME_, t.DUE_DATE_ FROM ACT_RU_TASK t"
                + " WHERE NOT EXISTS (SELECT 1 FROM worklist_task w WHERE w.task_id = t.ID_)");
        jdbc.update("INSERT INTO worklist_group (group_id, task_id, due, created)"
                + " SELECT DISTINCT l.GROUP_ID_, t.ID_, t.DUE_DATE_, t.CREATE_TIME_ FROM ACT_RU_IDENTITYLINK l"
                + " JOIN ACT_RU_TASK t ON t.ID_ = l.TASK_ID_ WHERE l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM worklist_group g WHERE g.task_id = t.ID_ AND g.group_id = l.GROUP_ID_)");
        jdbc.update("UPDATE worklist_state SET filled_at = CURRENT_TIMESTAMP WHERE id = 1");
    }
}
