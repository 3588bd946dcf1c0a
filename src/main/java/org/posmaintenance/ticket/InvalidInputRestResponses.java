package org.posmaintenance.ticket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The engine REST API reports an exception thrown in a delegate or task listener as a server error
 * (500). When the cause is invalid input, answer 400 with the message that names the field instead;
 * every other error keeps Camunda's own answer.
 */
@Component
public class InvalidInputRestResponses implements ResourceConfigCustomizer {

    @Override
    public void customize(ResourceConfig config) {
        config.register(RestErrors.class);
        config.register(EngineErrors.class);
    }

    static Optional<Response> badInput(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidTicketInputException invalid) {
                refused("engine REST", invalid);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", InvalidTicketInputException.class.getSimpleName());
                body.put("message", invalid.getMessage());
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
        @Override
        public Response toResponse(RestException error) {
            return badInput(error).orElseGet(() -> new RestExceptionHandler().toResponse(error));
        }
    }

    @Priority(Priorities.USER - 100)
    static class EngineErrors implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException error) {
            return badInput(error).orElseGet(() -> new ProcessEngineExceptionHandler().toResponse(error));
        }
    }
}
