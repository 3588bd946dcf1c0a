package org.posmaintenance.ticket;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The engine REST API reports an exception thrown in a delegate or task listener as a server error (500), with the
 * engine's wrapping texts ("Cannot submit task form ...: ENGINE-03051 ..."). When the cause is invalid input, answer
 * 400 with the field in words and the reason, in the language of the request ({@code Accept-Language}: Tasklist
 * sends the browser's), and the field's id in {@code field}; every other error keeps Camunda's own answer.
 *
 * <p>Both engine APIs get it: {@code /engine-rest} (Spring Boot's Jersey application, {@link #customize}) and the web
 * applications' {@code /camunda/api/engine}, a plain JAX-RS application of the Camunda webapp that Jersey configures
 * with its auto-discoverable features ({@link Feature}, listed in {@code META-INF/services}).
 */
@Component
public class InvalidInputRestResponses implements ResourceConfigCustomizer {

    @Override
    public void customize(ResourceConfig config) {
        config.register(RestErrors.class);
        config.register(EngineErrors.class);
    }

    /** Registers the two mappers into a Jersey application that has not got them yet. */
    public static class Feature implements AutoDiscoverable {
        @Override
        public void configure(FeatureContext context) {
            if (!context.getConfiguration().isRegistered(RestErrors.class)) {
                context.register(RestErrors.class);
            }
            if (!context.getConfiguration().isRegistered(EngineErrors.class)) {
                context.register(EngineErrors.class);
            }
        }
    }

    static Optional<Response> badInput(Throwable error, HttpHeaders headers) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidTicketInputException invalid) {
                refused("engine REST", invalid);
                Locale language = StaffTexts.ofAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", InvalidTicketInputException.class.getSimpleName());
                body.put("message", invalid.message(language));
                body.put("field", invalid.field());
                return Optional.of(Response.status(Response.Status.BAD_REQUEST)
                        .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
            }
        }
        return Optional.empty();
    }

    /** A refused input is one line in the log, at INFO: the field and the (one-line, bounded) reason, no stack trace. */
    public static void refused(String where, InvalidTicketInputException invalid) {
        LOG.info("Input refused ({}): {}", where, invalid.getMessage());
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InvalidInputRestResponses.class);

    @Priority(Priorities.USER - 100)
    static class RestErrors implements ExceptionMapper<RestException> {
        @Context HttpHeaders headers;

        @Override
        public Response toResponse(RestException error) {
            return badInput(error, headers).orElseGet(() -> new RestExceptionHandler().toResponse(error));
        }
    }

    @Priority(Priorities.USER - 100)
    static class EngineErrors implements ExceptionMapper<ProcessEngineException> {
        @Context HttpHeaders headers;

        @Override
        public Response toResponse(ProcessEngineException error) {
            return badInput(error, headers).orElseGet(() -> new ProcessEngineExceptionHandler().toResponse(error));
        }
    }
}
