package org.posmaintenance.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.identity.TasklistFilters;
import org.posmaintenance.model.ModelContract;
import org.posmaintenance.testing.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tasklist's "My group's tasks" answered from the worklist gives what the engine's own query gives, as the user with
 * authorization on: the same count and the same tasks in the same order, for random users and pages, after the things
 * that change a worklist (claims, candidate groups added and removed, moved due dates, completions, a suspended ticket,
 * a ticket deleted without custom listeners). Tasklist's request over HTTP is answered from it too.
 */
class WorklistConsistencyTest extends ProcessScenarioTest {

    @Autowired FilterService filters;
    @Autowired IdentityService identityService;
    @LocalServerPort int port;

    private final Random random = new Random(20261202L);

    @Test
    void everyUserGetsFromTheWorklistWhatTheEngineGives() {
        List<ProcessInstance> tickets = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            setClock(WEDNESDAY_10_00.plusSeconds(60L * i));   // distinct creation times: one order, no ties
            tickets.add(ticketAwaitingDiagnosis(report()));
        }
        setClock(WEDNESDAY_10_00.plusSeconds(3600));
        List<Task> tasks = taskService.createTaskQuery().taskDefinitionKey(ModelContract.TASK_CONFIRM_DIAGNOSIS)
                .processInstanceIdIn(tickets.stream().map(ProcessInstance::getId).toArray(String[]::new)).list();
        assertThat(tasks).hasSize(24);
        // what people and the application do to tasks
        taskService.claim(tasks.get(0).getId(), "tom");
        taskService.claim(tasks.get(1).getId(), "tina");
        taskService.addCandidateGroup(tasks.get(2).getId(), ModelContract.REPAIR_CENTRE);
        taskService.addCandidateGroup(tasks.get(3).getId(), ModelContract.SUPERVISORS);
        taskService.deleteCandidateGroup(tasks.get(4).getId(), ModelContract.TECHNICIANS);
        taskService.addCandidateGroup(tasks.get(4).getId(), ModelContract.REPAIR_CENTRE);
        Task moved = tasks.get(5);
        moved.setDueDate(Date.from(WEDNESDAY_10_00.plus(Duration.ofDays(9))));
        taskService.saveTask(moved);
        Task early = tasks.get(6);
        early.setDueDate(Date.from(WEDNESDAY_10_00.minus(Duration.ofDays(1))));
        taskService.saveTask(early);
        confirmDiagnosis(tickets.get(7), "NORMAL", "REMOTE", false);   // the next task: Remote support
        runtimeService.suspendProcessInstanceById(tickets.get(8).getId());
        runtimeService.deleteProcessInstance(tickets.get(9).getId(), "withdrawn", true);   // without custom listeners

        String filterId = filters.createFilterQuery().filterName(TasklistFilters.GROUP_TASKS).singleResult().getId();
        WorklistFilterService worklist = (WorklistFilterService) processEngine.getFilterService();
        long servedBefore = worklist.served();
        // the users who may read the filter (the task workers) and an administrator
        List<String> users = List.of("tom", "tina", "rita", "sam", "mary", "hana", "admin");
        for (int round = 0; round < 40; round++) {
            String user = users.get(random.nextInt(users.size()));
            List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
            int first = random.nextInt(3) * 5;
            int max = 1 + random.nextInt(15);
            identityService.setAuthentication(user, groups);
            try {
                TaskQuery tasklist = taskService.createTaskQuery().active().orderByTaskCreateTime().desc();
                long count = filters.count(filterId, tasklist);
                List<String> page = filters.<Task, TaskQuery>listPage(filterId, tasklist, first, max).stream().map(Task::getId).toList();
                if (groups.isEmpty()) {
                    continue;
                }
                // the engine's own query of the filter, as the user: candidate groups in the user's, assigned or not, active
                TaskQuery engine = taskService.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().active()
                        .orderByDueDate().asc().orderByTaskCreateTime().desc();
                assertThat(count).as("count for %s %s", user, groups).isEqualTo(engine.count());
                assertThat(page).as("page %d+%d for %s %s", first, max, user, groups)
                        .containsExactlyElementsOf(engine.listPage(first, max).stream().map(Task::getId).toList());
            } finally {
                identityService.clearAuthentication();
            }
        }
        assertThat(worklist.served() - servedBefore).as("requests the worklist answered").isGreaterThanOrEqualTo(40);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM worklist_task WHERE process_instance_id = ?", Long.class,
                tickets.get(9).getId())).as("a ticket deleted without custom listeners").isZero();
    }

    @Test
    void tasklistsRequestOverHttpIsAnsweredFromTheWorklist() throws Exception {
        for (int i = 0; i < 3; i++) {
            setClock(WEDNESDAY_10_00.plusSeconds(60L * i));
            ticketAwaitingDiagnosis(report());
        }
        String filterId = filters.createFilterQuery().filterName(TasklistFilters.GROUP_TASKS).singleResult().getId();
        WorklistFilterService worklist = (WorklistFilterService) processEngine.getFilterService();
        long servedBefore = worklist.served();

        WebappSession tasklist = WebappSession.logIn("http://localhost:" + port, "tasklist", "tom", "tom-demo");
        var list = tasklist.send("POST", "/camunda/api/engine/engine/default/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"firstResult\":0,\"maxResults\":15,"
                        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}",
                "application/hal+json, application/json; q=0.5");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode answer = new ObjectMapper().readTree(list.body());

        identityService.setAuthentication("tom", List.of(ModelContract.TECHNICIANS));
        long expected;
        List<String> expectedPage;
        try {
            TaskQuery engine = taskService.createTaskQuery().taskCandidateGroupIn(List.of(ModelContract.TECHNICIANS))
                    .includeAssignedTasks().active().orderByDueDate().asc().orderByTaskCreateTime().desc();
            expected = engine.count();
            expectedPage = engine.listPage(0, 15).stream().map(Task::getId).toList();
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(answer.get("count").asLong()).isEqualTo(expected).isGreaterThanOrEqualTo(3);
        List<String> page = new ArrayList<>();
        answer.path("_embedded").path("task").forEach(task -> page.add(task.get("id").asText()));
        assertThat(page).containsExactlyElementsOf(expectedPage);
        assertThat(answer.path("_embedded").path("task").get(0).get("name").asText()).isNotBlank();
        assertThat(worklist.served() - servedBefore).as("page and count from the worklist").isEqualTo(2);
    }
}
