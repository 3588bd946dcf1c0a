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
