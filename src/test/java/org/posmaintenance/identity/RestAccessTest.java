package org.posmaintenance.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Through the engine REST API a technician reaches his groups' tasks and nothing of the managers'. */
class RestAccessTest extends ProcessScenarioTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void aTechnicianCannotReadOrWorkAManagersTask() {
        ProcessInstance ticket = ticketRepairedRemotely(report());
        answerSurvey(ticket, 1);
        String managerTask = taskService.createTaskQuery().processInstanceId(ticket.getId())
                .taskDefinitionKey("Task_FollowUpLowScore").singleResult().getId();
        ProcessInstance other = ticketAwaitingDiagnosis(report());
        String technicianTask = taskService.createTaskQuery().processInstanceId(other.getId()).singleResult().getId();

        TestRestTemplate tom = http.withBasicAuth("tom", "tom-demo");
        List<Map<String, Object>> visible = tom.exchange("/engine-rest/task", HttpMethod.GET, null, List.class).getBody();
        assertThat(visible).extracting(task -> task.get("id")).contains(technicianTask).doesNotContain(managerTask);
        assertThat(tom.getForEntity("/engine-rest/task/" + managerTask, String.class).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(tom.getForEntity("/engine-rest/task/" + managerTask + "/variables", String.class).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        ResponseEntity<String> completion = tom.exchange("/engine-rest/task/" + managerTask + "/complete", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", Map.of(FOLLOW_UP_NOTES, Map.of("value", "not mine to write"))), json()),
                String.class);
        assertThat(completion.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(taskService.createTaskQuery().taskId(managerTask).count()).as("the manager's task is untouched").isEqualTo(1);

        TestRestTemplate mary = http.withBasicAuth("mary", "mary-demo");
        assertThat(mary.getForEntity("/engine-rest/task/" + managerTask, Map.class).getBody()).containsEntry("id", managerTask);
    }

    @Test
    void aManagerSeesTheOpenTasksOfEveryGroupAsCockpitCountsThemButCannotWorkThem() throws Exception {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        String technicianTask = taskService.createTaskQuery().processInstanceId(ticket.getId()).singleResult().getId();
        long open = taskService.createTaskQuery().taskCandidateGroup(TECHNICIANS).count();

        // Cockpit's dashboard ("Open Human Tasks") and its Human Tasks page: open tasks per candidate group
        TestRestTemplate mary = http.withBasicAuth("mary", "mary-demo");
        ResponseEntity<String> report = mary.getForEntity("/engine-rest/task/report/candidate-group-count", String.class);
        assertThat(report.getStatusCode()).as(report.getBody()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> rows = new com.fasterxml.jackson.databind.ObjectMapper().readValue(report.getBody(),
                new com.fasterxml.jackson.core.type.TypeReference<>() { });
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("groupName")).isEqualTo(TECHNICIANS);
            assertThat(((Number) row.get("taskCount")).longValue()).isEqualTo(open);
        });
        // reading is all: the technicians' task stays theirs to work
        ResponseEntity<String> completion = mary.exchange("/engine-rest/task/" + technicianTask + "/complete", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", Map.of()), json()), String.class);
        assertThat(completion.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(taskService.createTaskQuery().taskId(technicianTask).count()).isEqualTo(1);
        // and a technician gets no such overview
        assertThat(http.withBasicAuth("tom", "tom-demo").getForEntity("/engine-rest/task/report/candidate-group-count",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aTechnicianSeesNoOtherPeopleAndNoAuthorizations() {
        TestRestTemplate tom = http.withBasicAuth("tom", "tom-demo");
        List<Map<String, Object>> users = tom.exchange("/engine-rest/user", HttpMethod.GET, null, List.class).getBody();
        assertThat(users).extracting(user -> user.get("id")).containsExactly("tom");
        List<Map<String, Object>> grants = tom.exchange("/engine-rest/authorization", HttpMethod.GET, null, List.class).getBody();
        assertThat(grants).allSatisfy(grant -> assertThat(grant.get("groupId")).isIn("technicians", null));
        assertThat(tom.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>("", json()), String.class)
                .getStatusCode().is2xxSuccessful()).isFalse();
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
