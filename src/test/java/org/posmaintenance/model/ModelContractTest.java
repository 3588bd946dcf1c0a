package org.posmaintenance.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The models keep the contract with the code ({@link ModelContract}), and each way of breaking it is reported
 * naming the code that depends on the name. ANALYSTS.md prints the contract; this test keeps it in step.
 */
class ModelContractTest {

    static final Path ANALYSTS = Paths.get("ANALYSTS.md");
    static final String BEGIN = "<!-- contract:begin -->";
    static final String END = "<!-- contract:end -->";

    /** The release's models, by file name, from the class path (processes/ and forms/). */
    static Map<String, byte[]> models() {
        return ModelResources.load(ModelContractTest.class.getClassLoader());
    }

    @Test
    void theProjectsModelsKeepTheContract() {
        assertThat(ModelContractCheck.check(models())).as("problems").isEmpty();
    }

    @Test
    void theProjectsModelsPassTheDeploymentGuard() {
        assertThat(new DeploymentGuard(name -> false).check(models())).isEmpty();
    }

    @Test
    void aRenamedTaskIsReportedWithTheCodeThatUsesIt() {
        List<ModelContractCheck.Problem> problems = ModelContractCheck.check(changed("PosTerminalMaintenance.bpmn",
                bpmn -> bpmn.replace("\"Task_ConfirmDiagnosis\"", "\"Task_CheckDiagnosis\"")
                        .replace("\"Task_ConfirmDiagnosis_di\"", "\"Task_CheckDiagnosis_di\"")));
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.message()).contains("there is no userTask 'Task_ConfirmDiagnosis'");
            assertThat(problem.dependents()).contains("sla/EscalateResponseDelegate.java", "identity/TasklistFilters.java");
        });
        assertThat(problems).anySatisfy(problem -> assertThat(problem.message())
                .contains("'Task_ConfirmDiagnosis' that calls ${confirmDiagnosis}"));
    }

    @Test
    void aRenamedTimerVariableIsReportedBothWays() {
        List<ModelContractCheck.Problem> problems = ModelContractCheck.check(changed("PosTerminalMaintenance.bpmn",
                bpmn -> bpmn.replace("${responseDue}", "${responseDeadline}")));
        assertThat(problems).anySatisfy(problem -> assertThat(problem.message())
                .contains("reads 'responseDeadline'", "neither the code nor a form sets"));
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.message()).contains("no expression of the model reads the variable 'responseDue'");
            assertThat(problem.dependents()).contains("diagnosis/DiagnoseFaultDelegate.java");
        });
    }

    @Test
    void aFormFieldTheCodeReadsMayNotGo() {
        List<ModelContractCheck.Problem> problems = ModelContractCheck.check(changed("confirm-diagnosis.form",
                form -> form.replace("\"key\": \"severity\"", "\"key\": \"severityLevel\"")));
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.message()).contains("form 'confirm-diagnosis'", "has no field 'severity'");
            assertThat(problem.dependents()).contains("diagnosis/ConfirmDiagnosisListener.java");
        });
    }

    @Test
    void decisionsErrorsMessagesAndGroupsAreChecked() {
        assertThat(ModelContractCheck.check(changed("FaultTriage.dmn", dmn -> dmn.replace("name=\"repairChannel\"", "name=\"channel\""))))
                .anySatisfy(problem -> {
                    assertThat(problem.message()).contains("decision 'FaultTriage' has no output named 'repairChannel'");
                    assertThat(problem.dependents()).contains("diagnosis/FaultTriage.java");
                });
        assertThat(ModelContractCheck.check(changed("PosTerminalMaintenance.bpmn",
                bpmn -> bpmn.replace("errorRef=\"Error_BeyondRepair\"", "errorRef=\"Error_PartUnavailable\""))))
                .anySatisfy(problem -> assertThat(problem.message())
                        .contains("no boundary event on 'Task_RepairOnSite' catches the error 'BEYOND_REPAIR'"));
        assertThat(ModelContractCheck.check(changed("PosTerminalMaintenance.bpmn",
                bpmn -> bpmn.replace("name=\"TicketCancellationRequested\"", "name=\"CancelTicket\""))))
                .anySatisfy(problem -> assertThat(problem.message()).contains("there is no message named 'TicketCancellationRequested'"));
        assertThat(ModelContractCheck.check(changed("PosTerminalMaintenance.bpmn",
                bpmn -> bpmn.replace("camunda:candidateGroups=\"repaircentre\"", "camunda:candidateGroups=\"repair-centre\""))))
                .anySatisfy(problem -> assertThat(problem.message()).contains("names the group 'repair-centre'"));
    }

    @Test
    void analystsMdPrintsTheContract() throws IOException {
        String guide = Files.readString(ANALYSTS, StandardCharsets.UTF_8);
        int begin = guide.indexOf(BEGIN);
        int end = guide.indexOf(END);
        assertThat(begin).as("ANALYSTS.md holds " + BEGIN).isNotNegative();
        assertThat(end).as("ANALYSTS.md holds " + END).isGreaterThan(begin);
        String printed = guide.substring(begin + BEGIN.length(), end).strip();
        String expected = ContractTables.markdown().strip();
        if (!printed.equals(expected)) {
            Path written = Paths.get("target", "ANALYSTS-contract.md");
            Files.createDirectories(written.getParent());
            Files.writeString(written, expected + "\n", StandardCharsets.UTF_8);
            assertThat(printed).as("the contract in ANALYSTS.md between the markers; the current one is in " + written)
                    .isEqualTo(expected);
        }
    }

    private static Map<String, byte[]> changed(String resource, UnaryOperator<String> change) {
        Map<String, byte[]> models = new LinkedHashMap<>(models());
        String before = new String(models.get(resource), StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertThat(after).as("the change applies to " + resource).isNotEqualTo(before);
        models.put(resource, after.getBytes(StandardCharsets.UTF_8));
        return models;
    }

    /** The contract as ANALYSTS.md prints it. */
    static final class ContractTables {

        static String markdown() {
            StringBuilder out = new StringBuilder();
            out.append("Processes:\n\n| id | what the code does with it |\n| --- | --- |\n");
            fields(ModelContract.ProcessKey.class).forEach((field, value) -> out.append(row(code(value),
                    field.getAnnotation(ModelContract.ProcessKey.class).usedFor())));
            out.append("\nActivities (keep the id and the type):\n\n| id | type | what the code does with it |\n| --- | --- | --- |\n");
            fields(ModelContract.Activity.class).forEach((field, value) -> {
                ModelContract.Activity activity = field.getAnnotation(ModelContract.Activity.class);
                out.append(row(code(value), activity.type(), activity.usedFor()));
            });
            out.append("\nMessages and BPMN errors:\n\n| name or error code | what the code does with it |\n| --- | --- |\n");
            fields(ModelContract.Message.class).forEach((field, value) -> out.append(row("message " + code(value),
                    field.getAnnotation(ModelContract.Message.class).usedFor())));
            fields(ModelContract.BpmnErrorCode.class).forEach((field, value) -> {
                ModelContract.BpmnErrorCode error = field.getAnnotation(ModelContract.BpmnErrorCode.class);
                out.append(row("error " + code(value), "thrown at " + codes(List.of(error.thrownAt()))
                        + ", caught there by a boundary event: " + error.usedFor()));
            });
            out.append("\nDecision tables (keep the key, the input expressions and the output names):\n\n"
                    + "| decision | inputs | outputs | used for |\n| --- | --- | --- | --- |\n");
            fields(ModelContract.Decision.class).forEach((field, value) -> {
                ModelContract.Decision decision = field.getAnnotation(ModelContract.Decision.class);
                out.append(row(code(value), codes(List.of(decision.inputs())), codes(List.of(decision.outputs())), decision.usedFor()));
            });
            out.append("\nCandidate groups (a task's candidate groups must be among them):\n\n| group | who |\n| --- | --- |\n");
            fields(ModelContract.Group.class).forEach((field, value) -> out.append(row(code(value),
                    field.getAnnotation(ModelContract.Group.class).usedFor())));
            out.append("\nVariables the code sets for the model, which the model must read (timers, gateways, due dates,"
                    + " priorities): ");
            out.append(fields(ModelContract.Variable.class).entrySet().stream()
                    .filter(entry -> entry.getKey().getAnnotation(ModelContract.Variable.class).readByModel())
                    .map(entry -> code(entry.getValue())).collect(Collectors.joining(", "))).append(".\n");
            out.append("\nDelegates and listeners a model may call (the deployment guard's allow-list; nothing else):\n\n"
                    + "| expression | as | called by | reads the form fields / input parameters |\n| --- | --- | --- | --- |\n");
            for (ModelContract.Hook hook : ModelContract.HOOKS) {
                String reads = hook.formFields().isEmpty() && hook.inputs().isEmpty() ? ""
                        : (hook.formFields().isEmpty() ? "" : codes(hook.formFields()))
                        + (hook.inputs().isEmpty() ? "" : "input " + codes(hook.inputs()));
                out.append(row(code(hook.expression()), switch (hook.kind()) {
                    case SERVICE_TASK -> "service task";
                    case TASK_LISTENER -> "task listener (complete)";
                    case EXECUTION_LISTENER -> "execution listener (start)";
                }, codes(hook.at()), reads));
            }
            return out.toString();
        }

        private static Map<Field, String> fields(Class<? extends java.lang.annotation.Annotation> annotation) {
            Map<Field, String> fields = new LinkedHashMap<>();
            for (Field field : ModelContract.class.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.isAnnotationPresent(annotation)) {
                    try {
                        fields.put(field, (String) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new UncheckedIOException(new IOException(e));
                    }
                }
            }
            return fields;
        }

        private static String row(String... cells) {
            return "| " + String.join(" | ", cells) + " |\n";
        }

        private static String code(String text) {
            return "`" + text + "`";
        }

        private static String codes(List<String> texts) {
            return texts.stream().map(ContractTables::code).collect(Collectors.joining(", "));
        }
    }
}
