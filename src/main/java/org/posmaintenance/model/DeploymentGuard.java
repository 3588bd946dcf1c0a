package org.posmaintenance.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks every new deployment (at start-up, through the REST API, from any client) before the engine
 * parses it, and refuses it, with nothing deployed, when a model holds anything beyond what the project
 * allows:
 * <ul>
 * <li>resources other than BPMN, DMN and Camunda Forms;</li>
 * <li>scripts of any kind (script tasks, script listeners, script conditions, script input/output);</li>
 * <li>Java classes ({@code camunda:class} and the like), expressions as implementations, field injection,
 * connectors, external tasks, generated and embedded forms ({@code camunda:formData}, {@code camunda:formKey});</li>
 * <li>delegate and listener expressions other than the project's {@link ModelContract#HOOKS}, each in its place;</li>
 * <li>method calls, functions, property access or application objects in any expression ({@link ExpressionRules});</li>
 * <li>expression languages in decisions other than FEEL, and FEEL's clock ({@code now()}, {@code today()}): a
 * decision's result depends on its inputs only ({@link LookupTables});</li>
 * <li>form components that embed other pages or markup ({@code html}, {@code iframe}) or that form-js does not know;</li>
 * <li>a {@code camunda:formRef} bound to the deployment whose form is not in the same deployment (the new
 * version would find no form).</li>
 * </ul>
 * The refusal is a {@link ModelRefusedException}, a {@code ParseException}: the REST API answers 400 with
 * the resource, the element ids and the reason of each problem. Deployments that exist already are not
 * checked again when the engine loads them into its cache.
 */
public class DeploymentGuard implements Deployer {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    /** Camunda's extension namespace, and the older one the engine still reads. */
    static final Set<String> CAMUNDA = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
    private static final Set<String> DIAGRAM = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI",
            "https://www.omg.org/spec/DMN/20191111/DMNDI/", "http://www.omg.org/spec/DMN/20180521/DC/",
            "http://www.omg.org/spec/DMN/20180521/DI/");

    /** Elements (local names, in any namespace) that hold or run code. */
    private static final Map<String, String> REFUSED_ELEMENTS = Map.of(
            "scriptTask", "script tasks are not allowed",
            "script", "scripts are not allowed (script listeners, script input/output)");
    /** Camunda extension elements that hold or run code, or that the project does not use. */
    private static final Map<String, String> REFUSED_CAMUNDA_ELEMENTS = Map.of(
            "connector", "connectors are not allowed",
            "field", "field injection is not allowed: the project's delegates take no fields",
            "formData", "generated forms are not allowed: use a Camunda Form (camunda:formRef)",
            "formProperty", "generated forms are not allowed: use a Camunda Form (camunda:formRef)");
    /** Camunda extension attributes that name code, or that the project does not use. */
    private static final Map<String, String> REFUSED_CAMUNDA_ATTRIBUTES = new TreeMap<>(Map.of(
            "class", "Java classes are not allowed: use one of the project's delegates (ANALYSTS.md)",
            "expression", "expressions as implementations are not allowed: use one of the project's delegates (ANALYSTS.md)",
            "resource", "external scripts are not allowed",
            "variableMappingClass", "Java classes are not allowed",
            "variableMappingDelegateExpression", "variable mapping delegates are not allowed",
            "formHandlerClass", "Java classes are not allowed",
            "formKey", "embedded and external forms are not allowed: use a Camunda Form (camunda:formRef)",
            "type", "connectors and external tasks are not allowed",
            "scriptFormat", "scripts are not allowed"));
    /** Where a delegate expression stands, by the XML element that holds it. */
    private static final Map<String, ModelContract.HookKind> HOOK_PLACES = Map.of(
            "serviceTask", ModelContract.HookKind.SERVICE_TASK,
            "sendTask", ModelContract.HookKind.SERVICE_TASK,
            "businessRuleTask", ModelContract.HookKind.SERVICE_TASK,
            "messageEventDefinition", ModelContract.HookKind.SERVICE_TASK,
            "taskListener", ModelContract.HookKind.TASK_LISTENER,
            "executionListener", ModelContract.HookKind.EXECUTION_LISTENER);
    /** FEEL's functions that read the clock. */
    private static final Pattern CLOCK = Pattern.compile("\\b(now|today)\\s*\\(");

    /** Expression languages of decisions: FEEL only, however it is named. */
    private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
            "https://www.omg.org/spec/dmn/20180521/feel/", "https://www.omg.org/spec/dmn/20191111/feel/",
            "https://www.omg.org/spec/dmn/20211108/feel/", "https://www.omg.org/spec/dmn/20230324/feel/");
    /** The components of Camunda Forms (form-js 1.8) a form may use. */
    private static final Set<String> FORM_COMPONENTS = Set.of("textfield", "textarea", "number", "datetime", "checkbox",
            "checklist", "radio", "select", "taglist", "text", "group", "dynamiclist", "separator", "spacer", "table",
            "expression", "button", "image", "default");

    private final ExpressionRules expressions;
    private final ObjectMapper json = new ObjectMapper();

    /** @param applicationObject whether a name is an object of the application that expressions could read (a bean) */
    public DeploymentGuard(Predicate<String> applicationObject) {
        this.expressions = new ExpressionRules(applicationObject);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            resources.put(resource.getName(), resource.getBytes());
        }
        Map<String, List<Problem>> problems = check(resources);
        if (!problems.isEmpty()) {
            throw new ModelRefusedException(problems);
        }
    }

    /** The problems of each resource of a deployment (resource name to content); empty when it may be deployed. */
    public Map<String, List<Problem>> check(Map<String, byte[]> resources) {
        Map<String, String> formIds = new LinkedHashMap<>();
        Map<String, List<Problem>> problems = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
            if (kind(resource.getKey()).equals("form")) {
                List<Problem> found = new ArrayList<>();
                checkForm(resource.getValue(), found).ifPresent(id -> formIds.put(id, resource.getKey()));
                add(problems, resource.getKey(), found);
            }
        }
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
            List<Problem> found = new ArrayList<>();
            switch (kind(resource.getKey())) {
                case "bpmn" -> checkBpmn(resource.getValue(), formIds.keySet(), found);
                case "dmn" -> checkDmn(resource.getValue(), found);
                case "form" -> { }
                default -> found.add(GuardProblem.ofResource("only BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form)"
                        + " may be deployed"));
            }
            add(problems, resource.getKey(), found);
        }
        return problems;
    }

    private static void add(Map<String, List<Problem>> problems, String resource, List<Problem> found) {
        if (!found.isEmpty()) {
            problems.computeIfAbsent(resource, name -> new ArrayList<>()).addAll(found);
        }
    }

    private static String kind(String resourceName) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            return "bpmn";
        }
        if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
            return "dmn";
        }
        if (name.endsWith(".form")) {
            return "form";
        }
        return "other";
    }

    // ------------------------------------------------------------------------------------------------ BPMN

    private void checkBpmn(byte[] content, Set<String> formIds, List<Problem> problems) {
        XmlTree.Element root;
        try {
            root = XmlTree.parse(content);
        } catch (IOException e) {
            problems.add(GuardProblem.ofResource("not a readable BPMN file: " + e.getMessage()));
            return;
        }
        checkBpmnElement(root, formIds, problems);
    }

    private void checkBpmnElement(XmlTree.Element element, Set<String> formIds, List<Problem> problems) {
        // the diagram, and only where it belongs: the engine reads the content of Camunda extension elements by
        // tag name whatever their namespace, so nothing else is skipped, not even documentation
        if (element.name().equals("BPMNDiagram") && DIAGRAM.contains(element.namespace()) && element.parent() != null
                && element.parent().is(BPMN, "definitions")) {
            return;
        }
        if (!BPMN.equals(element.namespace()) && !CAMUNDA.contains(element.namespace())) {
            problems.add(GuardProblem.at(element, "<" + element.name() + "> of the namespace '" + element.namespace()
                    + "': only BPMN and Camunda elements are allowed in a model (and the diagram)"));
        }
        String refusedElement = REFUSED_ELEMENTS.get(element.name());
        if (refusedElement != null) {
            problems.add(GuardProblem.at(element, element.name() + ": " + refusedElement));
        }
        if (CAMUNDA.contains(element.namespace()) && REFUSED_CAMUNDA_ELEMENTS.containsKey(element.name())) {
            problems.add(GuardProblem.at(element, "camunda:" + element.name() + ": " + REFUSED_CAMUNDA_ELEMENTS.get(element.name())));
        }
        if ((element.name().equals("conditionExpression") || element.name().equals("condition"))
                && element.attribute("language") != null) {
            problems.add(GuardProblem.at(element, "a condition in the script language '" + element.attribute("language")
                    + "': script conditions are not allowed"));
        }
        for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
            checkBpmnAttribute(element, attribute.getKey(), attribute.getValue(), formIds, problems);
        }
        String text = element.text().toString().strip();
        String problem = expressions.problem(text);
        if (problem != null) {
            problems.add(GuardProblem.at(element, element.name() + ": " + problem));
        }
        element.children().forEach(child -> checkBpmnElement(child, formIds, problems));
    }

    private void checkBpmnAttribute(XmlTree.Element element, String key, String value, Set<String> formIds,
                                    List<Problem> problems) {
        // camunda:class="..." on a BPMN element, or class="..." on a Camunda element (camunda:taskListener)
        Optional<String> camundaAttribute = CAMUNDA.stream().filter(ns -> key.startsWith("{" + ns + "}"))
                .map(ns -> key.substring(ns.length() + 2)).findFirst();
        if (camundaAttribute.isEmpty() && !key.startsWith("{") && CAMUNDA.contains(element.namespace())) {
            camundaAttribute = Optional.of(key);
        }
        String name = camundaAttribute.map(local -> "camunda:" + local).orElse(key.replaceFirst("^\\{.*}", ""));
        if (camundaAttribute.isPresent()) {
            String local = camundaAttribute.get();
            if (REFUSED_CAMUNDA_ATTRIBUTES.containsKey(local)) {
                problems.add(GuardProblem.at(element, name + "=\"" + value + "\": " + REFUSED_CAMUNDA_ATTRIBUTES.get(local)));
                return;
            }
            if (local.equals("delegateExpression")) {
                checkHook(element, value, problems);
                return;
            }
            if (local.equals("formRef") && "deployment".equals(camunda(element, "formRefBinding")) && !formIds.contains(value)) {
                problems.add(GuardProblem.at(element, "camunda:formRef=\"" + value + "\" is bound to the deployment, but the"
                        + " deployment holds no form with the id '" + value + "': deploy the forms together with the"
                        + " process (scripts/deploy-models.sh)"));
            }
        }
        String problem = expressions.problem(value);
        if (problem != null) {
            problems.add(GuardProblem.at(element, name + ": " + problem));
        }
    }

    private static String camunda(XmlTree.Element element, String localName) {
        return CAMUNDA.stream().map(ns -> element.attribute(ns, localName)).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static void checkHook(XmlTree.Element element, String expression, List<Problem> problems) {
        ModelContract.HookKind place = HOOK_PLACES.get(element.name());
        Optional<ModelContract.Hook> hook = ModelContract.hook(expression.strip());
        if (hook.isEmpty()) {
            problems.add(GuardProblem.at(element, "camunda:delegateExpression=\"" + expression + "\" is not one of the"
                    + " project's delegates and listeners (ANALYSTS.md lists them)"));
        } else if (place == null || hook.get().kind() != place) {
            problems.add(GuardProblem.at(element, "camunda:delegateExpression=\"" + expression + "\" is a "
                    + describe(hook.get().kind()) + ", not allowed on " + element.name()));
        }
    }

    private static String describe(ModelContract.HookKind kind) {
        return switch (kind) {
            case SERVICE_TASK -> "service task delegate";
            case TASK_LISTENER -> "task listener";
            case EXECUTION_LISTENER -> "execution listener";
        };
    }

    // ------------------------------------------------------------------------------------------------ DMN

    private static void checkDmn(byte[] content, List<Problem> problems) {
        XmlTree.Element root;
        try {
            root = XmlTree.parse(content);
        } catch (IOException e) {
            problems.add(GuardProblem.ofResource("not a readable DMN file: " + e.getMessage()));
            return;
        }
        root.forEach(element -> element.attributes().forEach((key, language) -> {
            boolean expressionLanguage = key.equals("expressionLanguage") || key.endsWith("}expressionLanguage");
            if (expressionLanguage && !FEEL.contains(language.strip().toLowerCase(Locale.ROOT))) {
                problems.add(GuardProblem.at(element, "expressionLanguage=\"" + language + "\": decisions may use FEEL only"));
            }
        }));
        root.forEach(element -> {
            if ("text".equals(element.name()) && CLOCK.matcher(element.text()).find()) {
                problems.add(GuardProblem.at(element, "'" + element.text().toString().strip() + "': a decision may not read the"
                        + " clock (now(), today()); its result must depend on its inputs only, pass the date as an input"));
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ forms

    /** Checks a Camunda Form; its id, if it has one. */
    private Optional<String> checkForm(byte[] content, List<Problem> problems) {
        JsonNode form;
        try {
            form = json.readTree(content);
        } catch (IOException e) {
            problems.add(GuardProblem.ofResource("not a readable Camunda Form (JSON): " + e.getMessage()));
            return Optional.empty();
        }
        if (form == null || !form.isObject() || !form.path("id").isTextual() || !form.path("components").isArray()) {
            problems.add(GuardProblem.ofResource("not a Camunda Form: it needs an \"id\" and \"components\""));
            return Optional.empty();
        }
        checkComponents(form.path("components"), problems);
        return Optional.of(form.path("id").asText());
    }

    private static void checkComponents(JsonNode components, List<Problem> problems) {
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            if (!FORM_COMPONENTS.contains(type)) {
                String id = component.path("id").asText(null);
                problems.add(new GuardProblem("component" + (id == null ? "" : " " + id) + " of type '" + type + "': "
                        + (type.equals("html") || type.equals("iframe") ? "components that embed markup or other pages"
                        : "components form-js does not know") + " are not allowed", -1, -1, id));
            }
            if (component.path("components").isArray()) {
                checkComponents(component.path("components"), problems);
            }
        }
    }

    /** One reason a resource is refused, at an element (with its line) or for the whole resource. */
    record GuardProblem(String message, int line, int column, String mainElementId) implements Problem {

        static GuardProblem at(XmlTree.Element element, String message) {
            // the element an analyst finds in Modeler: not the id of an event definition inside it
            XmlTree.Element named = element;
            while (named.parent() != null && (named.attribute("id") == null || named.name().endsWith("EventDefinition"))) {
                named = named.parent();
            }
            String id = named.attribute("id") != null ? named.attribute("id") : element.nearestId();
            return new GuardProblem((id == null ? "" : id + ": ") + message + " (line " + element.line() + ")",
                    element.line(), element.column(), id);
        }

        static GuardProblem ofResource(String message) {
            return new GuardProblem(message, -1, -1, null);
        }

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public int getLine() {
            return line;
        }

        @Override
        public int getColumn() {
            return column;
        }

        @Override
        public String getMainElementId() {
            return mainElementId;
        }

        @Override
        public List<String> getElementIds() {
            return mainElementId == null ? List.of() : List.of(mainElementId);
        }
    }
}
