package org.posmaintenance.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks models (BPMN, DMN, forms, by file name) against {@link ModelContract}: every name the code
 * depends on must be there, in the right place; each problem names the code that depends on it.
 */
final class ModelContractCheck {

    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String BPMN = DeploymentGuard.BPMN;
    static final Path MAIN_SOURCES = Paths.get("src", "main", "java", "org", "posmaintenance");

    /** A missing or renamed name, and the source files that use it. */
    record Problem(String message, List<String> dependents) {
        @Override
        public String toString() {
            return message + (dependents.isEmpty() ? "" : " [code that depends on it: " + String.join(", ", dependents) + "]");
        }
    }

    private final List<XmlTree.Element> processes = new ArrayList<>();
    private final List<XmlTree.Element> decisions = new ArrayList<>();
    private final Map<String, JsonNode> forms = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private ModelContractCheck(Map<String, byte[]> models) {
        ObjectMapper json = new ObjectMapper();
        models.forEach((name, content) -> {
            try {
                if (name.endsWith(".bpmn")) {
                    processes.add(XmlTree.parse(content));
                } else if (name.endsWith(".dmn")) {
                    decisions.add(XmlTree.parse(content));
                } else if (name.endsWith(".form")) {
                    JsonNode form = json.readTree(content);
                    forms.put(form.path("id").asText(), form);
                }
            } catch (IOException e) {
                problems.add(new Problem(name + " is unreadable: " + e.getMessage(), List.of()));
            }
        });
    }

    /** The problems of these models; empty when they keep the contract. */
    static List<Problem> check(Map<String, byte[]> models) {
        ModelContractCheck check = new ModelContractCheck(models);
        check.run();
        return check.problems;
    }

    private void run() {
        for (Field field : ModelContract.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                continue;
            }
            String value = value(field);
            if (field.isAnnotationPresent(ModelContract.ProcessKey.class)) {
                checkProcess(field, value);
            } else if (field.isAnnotationPresent(ModelContract.Activity.class)) {
                checkActivity(field, value, field.getAnnotation(ModelContract.Activity.class));
            } else if (field.isAnnotationPresent(ModelContract.Message.class)) {
                checkMessage(field, value);
            } else if (field.isAnnotationPresent(ModelContract.BpmnErrorCode.class)) {
                checkError(field, value, field.getAnnotation(ModelContract.BpmnErrorCode.class));
            } else if (field.isAnnotationPresent(ModelContract.Decision.class)) {
                checkDecision(field, value, field.getAnnotation(ModelContract.Decision.class));
            } else if (field.isAnnotationPresent(ModelContract.Variable.class)
                    && field.getAnnotation(ModelContract.Variable.class).readByModel()) {
                checkVariableUsed(field, value);
            }
        }
        ModelContract.HOOKS.forEach(this::checkHook);
        checkDelegateExpressions();
        checkCandidateGroups();
        checkExpressionsReadKnownVariables();
        checkFormReferences();
    }

    // ------------------------------------------------------------------------------------------------ names

    private void checkProcess(Field field, String id) {
        XmlTree.Element process = element(id);
        if (process == null || !process.name().equals("process")) {
            fail(field, "there is no process with the id '" + id + "'");
            return;
        }
        for (String attribute : List.of("versionTag", "historyTimeToLive")) {
            if (process.attribute(CAMUNDA, attribute) == null) {
                fail(field, "process '" + id + "' has no camunda:" + attribute);
            }
        }
    }

    private void checkActivity(Field field, String id, ModelContract.Activity activity) {
        XmlTree.Element element = element(id);
        if (element == null) {
            fail(field, "there is no " + activity.type() + " '" + id + "' in process " + activity.process()
                    + " (used for: " + activity.usedFor() + ")");
        } else if (!element.name().equals(activity.type())) {
            fail(field, "'" + id + "' is a " + element.name() + ", the code expects a " + activity.type());
        } else if (!activity.process().equals(processOf(element))) {
            fail(field, "'" + id + "' is not in process " + activity.process());
        }
    }

    private void checkMessage(Field field, String name) {
        Set<String> ids = new LinkedHashSet<>();
        everyBpmnElement(element -> {
            if (element.is(BPMN, "message") && name.equals(element.attribute("name"))) {
                ids.add(element.attribute("id"));
            }
        });
        if (ids.isEmpty()) {
            fail(field, "there is no message named '" + name + "'");
            return;
        }
        boolean caught = anyBpmnElement(element -> element.is(BPMN, "messageEventDefinition")
                && ids.contains(element.attribute("messageRef")) && element.parent().name().equals("startEvent")
                && "true".equals(element.parent().parent().attribute("triggeredByEvent")));
        if (!caught) {
            fail(field, "no event sub-process starts with the message '" + name + "'");
        }
    }

    private void checkError(Field field, String code, ModelContract.BpmnErrorCode error) {
        Set<String> ids = new LinkedHashSet<>();
        everyBpmnElement(element -> {
            if (element.is(BPMN, "error") && code.equals(element.attribute("errorCode"))) {
                ids.add(element.attribute("id"));
            }
        });
        if (ids.isEmpty()) {
            fail(field, "there is no BPMN error with the code '" + code + "'");
            return;
        }
        for (String activity : error.thrownAt()) {
            boolean caught = anyBpmnElement(element -> element.is(BPMN, "boundaryEvent") && activity.equals(element.attribute("attachedToRef"))
                    && element.children().stream().anyMatch(definition -> definition.is(BPMN, "errorEventDefinition")
                    && ids.contains(definition.attribute("errorRef"))));
            if (!caught) {
                fail(field, "no boundary event on '" + activity + "' catches the error '" + code + "' that the code throws there");
            }
        }
    }

    private void checkDecision(Field field, String key, ModelContract.Decision decision) {
        XmlTree.Element found = null;
        for (XmlTree.Element root : decisions) {
            List<XmlTree.Element> matches = new ArrayList<>();
            root.forEach(element -> {
                if (element.name().equals("decision") && key.equals(element.attribute("id"))) {
                    matches.add(element);
                }
            });
            found = matches.isEmpty() ? found : matches.get(0);
        }
        if (found == null) {
            fail(field, "there is no decision '" + key + "'");
            return;
        }
        Set<String> inputs = new TreeSet<>();
        Set<String> outputs = new TreeSet<>();
        found.forEach(element -> {
            if (element.name().equals("inputExpression")) {
                element.children().stream().filter(text -> text.name().equals("text"))
                        .forEach(text -> inputs.add(text.text().toString().strip()));
            }
            if (element.name().equals("output") && element.attribute("name") != null) {
                outputs.add(element.attribute("name"));
            }
        });
        for (String input : decision.inputs()) {
            if (!inputs.contains(input)) {
                fail(field, "decision '" + key + "' has no input expression '" + input + "' (the code passes it; it has " + inputs + ")");
            }
        }
        for (String output : decision.outputs()) {
            if (!outputs.contains(output)) {
                fail(field, "decision '" + key + "' has no output named '" + output + "' (the code reads it; it has " + outputs + ")");
            }
        }
    }

    private void checkVariableUsed(Field field, String variable) {
        boolean used = anyBpmnElement(element -> expressionsOf(element).stream()
                .anyMatch(expression -> ExpressionRules.identifiers(expression).contains(variable)));
        if (!used) {
            fail(field, "no expression of the model reads the variable '" + variable + "', which the code sets for a timer,"
                    + " gateway, due date or priority");
        }
    }

    // ------------------------------------------------------------------------------------------------ hooks

    private void checkHook(ModelContract.Hook hook) {
        List<String> dependents = beanClass(hook.expression());
        for (String at : hook.at()) {
            XmlTree.Element element = element(at);
            if (element == null) {
                problems.add(new Problem("there is no element '" + at + "' that calls " + hook.expression(), dependents));
                continue;
            }
            if (!calls(element, hook)) {
                problems.add(new Problem("'" + at + "' does not call " + hook.expression() + " as a " + hook.kind(), dependents));
            }
            for (String input : hook.inputs()) {
                boolean hasInput = element.children().stream().flatMap(child -> child.children().stream())
                        .flatMap(child -> child.children().stream())
                        .anyMatch(parameter -> parameter.is(CAMUNDA, "inputParameter") && input.equals(parameter.attribute("name")));
                if (!hasInput) {
                    problems.add(new Problem("'" + at + "' gives " + hook.expression() + " no input parameter '" + input + "'", dependents));
                }
            }
            if (!hook.formFields().isEmpty()) {
                XmlTree.Element formOwner = hook.kind() == ModelContract.HookKind.TASK_LISTENER ? element : startEventOf(element);
                checkFormFields(hook, at, formOwner, dependents);
            }
        }
    }

    private void checkFormFields(ModelContract.Hook hook, String at, XmlTree.Element formOwner, List<String> dependents) {
        String formId = formOwner == null ? null : formOwner.attribute(CAMUNDA, "formRef");
        JsonNode form = formId == null ? null : forms.get(formId);
        if (form == null) {
            problems.add(new Problem("'" + at + "': " + hook.expression() + " reads form fields " + hook.formFields()
                    + ", but " + (formOwner == null ? "its process has no start event" : "'" + formOwner.attribute("id") + "'")
                    + " has no Camunda Form" + (formId == null ? "" : " '" + formId + "'"), dependents));
            return;
        }
        Set<String> keys = new TreeSet<>();
        collectKeys(form.path("components"), keys);
        for (String field : hook.formFields()) {
            if (!keys.contains(field)) {
                problems.add(new Problem("form '" + formId + "' (of '" + formOwner.attribute("id") + "') has no field '" + field
                        + "', which " + hook.expression() + " reads", merge(dependents, references(constantOf(field)))));
            }
        }
    }

    private static boolean calls(XmlTree.Element element, ModelContract.Hook hook) {
        return switch (hook.kind()) {
            case SERVICE_TASK -> hook.expression().equals(element.attribute(CAMUNDA, "delegateExpression"));
            case TASK_LISTENER -> listeners(element, "taskListener").contains(hook.expression());
            case EXECUTION_LISTENER -> listeners(element, "executionListener").contains(hook.expression());
        };
    }

    private static List<String> listeners(XmlTree.Element element, String kind) {
        return element.children().stream().filter(child -> child.name().equals("extensionElements"))
                .flatMap(extensions -> extensions.children().stream()).filter(listener -> listener.is(CAMUNDA, kind))
                .map(listener -> listener.attribute("delegateExpression")).toList();
    }

    /** Every delegate expression of the models is a hook of the project, in its place. */
    private void checkDelegateExpressions() {
        everyBpmnElement(element -> {
            String expression = element.is(CAMUNDA, "taskListener") || element.is(CAMUNDA, "executionListener")
                    ? element.attribute("delegateExpression") : element.attribute(CAMUNDA, "delegateExpression");
            if (expression != null && ModelContract.hook(expression).isEmpty()) {
                problems.add(new Problem("'" + element.nearestId() + "' calls " + expression + ", which is not one of the"
                        + " project's hooks (ModelContract.HOOKS)", List.of()));
            }
        });
    }

    private void checkCandidateGroups() {
        Set<String> groups = new TreeSet<>();
        for (Field field : ModelContract.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(ModelContract.Group.class)) {
                groups.add(value(field));
            }
        }
        everyBpmnElement(element -> {
            for (String attribute : List.of("candidateGroups", "candidateStarterGroups")) {
                String value = element.attribute(CAMUNDA, attribute);
                if (value != null) {
                    for (String group : value.split(",")) {
                        if (!groups.contains(group.strip())) {
                            problems.add(new Problem("'" + element.nearestId() + "' names the group '" + group.strip()
                                    + "', which is none of the application's groups " + groups, List.of()));
                        }
                    }
                }
            }
        });
    }

    /** Every variable an expression of the model reads is one the code or a form sets. */
    private void checkExpressionsReadKnownVariables() {
        Set<String> known = new TreeSet<>();
        for (Field field : ModelContract.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(ModelContract.Variable.class)) {
                known.add(value(field));
            }
        }
        forms.values().forEach(form -> collectKeys(form.path("components"), known));
        everyBpmnElement(element -> {
            if (element.attribute(CAMUNDA, "delegateExpression") != null || element.attribute("delegateExpression") != null) {
                return;
            }
            for (String expression : expressionsOf(element)) {
                for (String name : ExpressionRules.identifiers(expression)) {
                    if (!known.contains(name)) {
                        problems.add(new Problem("'" + element.nearestId() + "' reads '" + name + "' (" + expression
                                + "), which neither the code nor a form sets", List.of()));
                    }
                }
            }
        });
    }

    private void checkFormReferences() {
        Set<String> used = new TreeSet<>();
        everyBpmnElement(element -> {
            String formRef = element.attribute(CAMUNDA, "formRef");
            if (formRef != null) {
                used.add(formRef);
                if (!forms.containsKey(formRef)) {
                    problems.add(new Problem("'" + element.nearestId() + "' refers to the form '" + formRef + "', which is not in forms/",
                            List.of()));
                }
            }
        });
        forms.keySet().stream().filter(id -> !used.contains(id))
                .forEach(id -> problems.add(new Problem("the form '" + id + "' is used by no task or start event", List.of())));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void fail(Field field, String message) {
        problems.add(new Problem(message + " (ModelContract." + field.getName() + ")", references(field.getName())));
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private XmlTree.Element element(String id) {
        List<XmlTree.Element> found = new ArrayList<>();
        everyBpmnElement(element -> {
            if (id.equals(element.attribute("id")) && BPMN.equals(element.namespace())) {
                found.add(element);
            }
        });
        return found.isEmpty() ? null : found.get(0);
    }

    private static String processOf(XmlTree.Element element) {
        for (XmlTree.Element e = element; e != null; e = e.parent()) {
            if (e.is(BPMN, "process")) {
                return e.attribute("id");
            }
        }
        return null;
    }

    private static XmlTree.Element startEventOf(XmlTree.Element element) {
        XmlTree.Element process = element;
        while (process != null && !process.is(BPMN, "process")) {
            process = process.parent();
        }
        return process == null ? null : process.children().stream().filter(child -> child.is(BPMN, "startEvent")).findFirst().orElse(null);
    }

    private void everyBpmnElement(java.util.function.Consumer<XmlTree.Element> action) {
        processes.forEach(root -> root.forEach(action));
    }

    private boolean anyBpmnElement(java.util.function.Predicate<XmlTree.Element> test) {
        List<Boolean> found = new ArrayList<>();
        everyBpmnElement(element -> {
            if (test.test(element)) {
                found.add(true);
            }
        });
        return !found.isEmpty();
    }

    /** The attribute values and text of an element that the engine may read as expressions. */
    private static List<String> expressionsOf(XmlTree.Element element) {
        if (element.name().equals("documentation") || element.name().equals("text")) {
            return List.of();
        }
        List<String> texts = new ArrayList<>(element.attributes().values());
        texts.add(element.text().toString().strip());
        return texts.stream().filter(ExpressionRules::isExpression).toList();
    }

    private static void collectKeys(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            if (component.path("key").isTextual()) {
                keys.add(component.path("key").asText());
            }
            collectKeys(component.path("components"), keys);
        }
    }

    /** The name of the ModelContract constant with this value, or the value itself. */
    private static String constantOf(String value) {
        return Arrays.stream(ModelContract.class.getDeclaredFields()).filter(field -> field.getType() == String.class
                && Modifier.isStatic(field.getModifiers()) && value.equals(value(field))).map(Field::getName).findFirst().orElse(value);
    }

    private static List<String> merge(List<String> a, List<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The main source files (relative paths) that use this ModelContract constant. */
    static List<String> references(String constant) {
        Pattern word = Pattern.compile("\\b" + Pattern.quote(constant) + "\\b");
        return sources(content -> word.matcher(content).find());
    }

    /** The source file of the bean a hook expression names ({@code ${loaner.lent()}}: the bean "loaner"). */
    static List<String> beanClass(String expression) {
        Matcher bean = Pattern.compile("\\$\\{(\\w+)").matcher(expression);
        if (!bean.find()) {
            return List.of();
        }
        String declaration = "@Component(\"" + bean.group(1) + "\")";
        return sources(content -> content.contains(declaration));
    }

    private static List<String> sources(java.util.function.Predicate<String> test) {
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            return files.filter(path -> path.toString().endsWith(".java") && !path.getFileName().toString().equals("ModelContract.java"))
                    .filter(path -> {
                        try {
                            return test.test(Files.readString(path));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(path -> MAIN_SOURCES.relativize(path).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
