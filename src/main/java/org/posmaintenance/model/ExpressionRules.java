package org.posmaintenance.model;

import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a model ({@code ${...}}, JUEL as the engine evaluates it) may contain: process
 * variables, literals and operators ({@code ${repairChannel == 'REMOTE'}}, {@code ${!remoteResolved}},
 * {@code ${score <= 2 ? 'low' : 'ok'}}). Refused: method calls, functions, property or bracket access
 * (each a way to reach Java objects: {@code ${''.getClass()...}}, {@code ${execution.processEngineServices...}}),
 * and identifiers that name an object of the application (a Spring bean such as {@code jdbcTemplate}).
 */
final class ExpressionRules {

    /** The nodes an allowed expression is made of; anything else is refused. */
    private static final Set<Class<?>> ALLOWED_NODES = Set.of(AstComposite.class, AstEval.class, AstText.class,
            AstNested.class, AstIdentifier.class, AstBoolean.class, AstNull.class, AstNumber.class, AstString.class,
            AstBinary.class, AstUnary.class, AstChoice.class);

    /** Parses as the engine does (with method invocations, so that they can be named and refused). */
    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private final Predicate<String> applicationObject;

    /** @param applicationObject whether a name is an object of the application (a bean) that expressions could read */
    ExpressionRules(Predicate<String> applicationObject) {
        this.applicationObject = applicationObject;
    }

    /** Whether the text holds an expression at all (otherwise the engine reads it as plain text). */
    static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** Why the expression is refused, or null when it is allowed or no expression at all. */
    String problem(String text) {
        if (!isExpression(text)) {
            return null;
        }
        Node root;
        try {
            root = PARSER.build(text).getRoot();
        } catch (TreeBuilderException | IllegalArgumentException e) {
            return "'" + text + "' is not an expression the engine can read: " + e.getMessage();
        }
        String problem = check(root);
        return problem == null ? null : "'" + text + "' " + problem;
    }

    /** The identifiers (variable or object names) an expression reads; empty for plain text or an unreadable expression. */
    static java.util.Set<String> identifiers(String text) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        if (isExpression(text)) {
            try {
                collect(PARSER.build(text).getRoot(), names);
            } catch (TreeBuilderException | IllegalArgumentException unreadable) {
                // the guard refuses it; nothing to collect
            }
        }
        return names;
    }

    private static void collect(Node node, java.util.Set<String> names) {
        if (node instanceof AstIdentifier identifier) {
            names.add(identifier.getName());
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            collect(node.getChild(i), names);
        }
    }

    private String check(Node node) {
        if (node instanceof AstMethod) {
            return "calls a method: a model may not call code (only the project's delegates and listeners, by name)";
        }
        if (node instanceof AstFunction function) {
            return "calls the function " + function.getName() + "(): functions are not allowed in a model";
        }
        if (node instanceof AstProperty) {
            return "reads a property of an object ('.' or '[]'): a model may use only plain process variables";
        }
        if (node instanceof AstIdentifier identifier && applicationObject.test(identifier.getName())) {
            return "reads '" + identifier.getName() + "', an object of the application, not a process variable";
        }
        if (!ALLOWED_NODES.contains(node.getClass())) {
            return "uses " + node.getClass().getSimpleName() + ", which a model may not use";
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            String problem = check(node.getChild(i));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
