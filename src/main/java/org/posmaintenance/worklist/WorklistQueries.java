package org.posmaintenance.worklist;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The page and the count of "My group's tasks" for a user's groups, from the worklist: the open tasks with a candidate
 * group among them, assigned or not, active (a task of a suspended ticket is left out, as Tasklist asks), ordered as
 * the filter orders them (due date, then Tasklist's default: newest first; then the task id, so that a page boundary
 * never falls between equals differently from one request to the next).
 */
final class WorklistQueries {

    /** Open tasks that are suspended (few: tickets put on hold); the engine's index POS_IDX_TASK_SUSPENDED finds them. */
    private static final String SUSPENDED = "SELECT 1 FROM ACT_RU_TASK t WHERE t.ID_ = g.task_id AND t.SUSPENSION_STATE_ = 2";

    private final JdbcTemplate jdbc;

    WorklistQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long count(List<String> groups) {
        String in = in(groups);
        Long all = groups.size() == 1
                ? jdbc.queryForObject("SELECT COUNT(*) FROM worklist_group WHERE group_id = ?", Long.class, groups.get(0))
                : jdbc.queryForObject("SELECT COUNT(DISTINCT task_id) FROM worklist_group WHERE group_id IN " + in, Long.class,
                        groups.toArray());
        Long suspended = jdbc.queryForObject("SELECT COUNT(DISTINCT g.task_id) FROM worklist_group g JOIN ACT_RU_TASK t"
                + " ON t.ID_ = g.task_id WHERE t.SUSPENSION_STATE_ = 2 AND g.group_id IN " + in, Long.class, groups.toArray());
        return (all == null ? 0 : all) - (suspended == null ? 0 : suspended);
    }

    List<String> page(List<String> groups, int firstResult, int maxResults) {
        if (maxResults <= 0) {
            return List.of();
        }
        List<Object> arguments = new ArrayList<>(groups);
        arguments.add(maxResults);
        arguments.add(Math.max(0, firstResult));
        String sql = groups.size() == 1
                ? "SELECT g.task_id FROM worklist_group g WHERE g.group_id = ? AND NOT EXISTS (" + SUSPENDED + ")"
                        + " ORDER BY g.due ASC, g.created DESC, g.task_id LIMIT ? OFFSET ?"
                : "SELECT g.task_id FROM worklist_group g WHERE g.group_id IN " + in(groups) + " AND NOT EXISTS (" + SUSPENDED + ")"
                        + " GROUP BY g.task_id, g.due, g.created ORDER BY g.due ASC, g.created DESC, g.task_id LIMIT ? OFFSET ?";
        return jdbc.queryForList(sql, String.class, arguments.toArray());
    }

    private static String in(List<String> groups) {
        return "(" + String.join(", ", Collections.nCopies(groups.size(), "?")) + ")";
    }
}
