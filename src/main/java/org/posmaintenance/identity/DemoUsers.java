package org.posmaintenance.identity;

import static org.posmaintenance.model.ModelContract.*;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo profile's people, one per role, each with the password {@code <id>-demo}. Created only when
 * missing, so a restart keeps changes made in Admin.
 */
@Component
@ConditionalOnProperty(name = "pos.demo.enabled", havingValue = "true")
@Profile("demo")
public class DemoUsers {

    /** A demo person. */
    public record Person(String id, String firstName, String lastName, String email, List<String> groups) {

        public String password() {
            return id + "-demo";
        }
    }

    public static final List<Person> PEOPLE = List.of(
            new Person("hana", "Hana", "Hotline", "hana@example.org", List.of(HOTLINE)),
            new Person("tom", "Tom", "Technician", "tom@example.org", List.of(TECHNICIANS)),
            new Person("tina", "Tina", "Technician", "tina@example.org", List.of(TECHNICIANS)),
            new Person("rita", "Rita", "Repair Centre", "rita@example.org", List.of(REPAIR_CENTRE)),
            new Person("sam", "Sam", "Supervisor", "sam@example.org", List.of(SUPERVISORS, TECHNICIANS)),
            new Person("mary", "Mary", "Manager", "mary@example.org", List.of(MANAGERS)),
            new Person("alan", "Alan", "Analyst", "alan@example.org", List.of(ANALYSTS)),
            new Person("monitor", "Prometheus", "Monitoring", "monitor@example.org", List.of(MONITORING)));

    private static final List<List<String>> GROUPS = List.of(
            List.of(HOTLINE, "Service hotline"),
            List.of(TECHNICIANS, "Technicians"),
            List.of(REPAIR_CENTRE, "Repair centre"),
            List.of(SUPERVISORS, "Supervisors"),
            List.of(MANAGERS, "Service managers"),
            List.of(ANALYSTS, "Process analysts"),
            List.of(MONITORING, "Monitoring (health details, metrics)"));

    private final IdentityService identity;

    public DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    public void apply() {
        for (List<String> group : GROUPS) {
            if (identity.createGroupQuery().groupId(group.get(0)).count() == 0) {
                Group created = identity.newGroup(group.get(0));
                created.setName(group.get(1));
                created.setType("WORKFLOW");
                identity.saveGroup(created);
            }
        }
        for (Person person : PEOPLE) {
            if (identity.createUserQuery().userId(person.id()).count() > 0) {
                continue;
            }
            User user = identity.newUser(person.id());
            user.setFirstName(person.firstName());
            user.setLastName(person.lastName());
            user.setEmail(person.email());
            user.setPassword(person.password());
            identity.saveUser(user);
            for (String group : person.groups()) {
                identity.createMembership(person.id(), group);
            }
        }
    }
}
