package io.uptake.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into {@code application/problem+json}: 4xx for the client's mistakes, a bare 500 otherwise. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException failure) {
        List<Problem.FieldError> errors = failure.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(Problem.invalid("The request has " + errors.size() + " invalid field(s)", errors));
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInput failure) {
        return respond(Problem.invalid(failure.getMessage(), failure.errors()));
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException failure) {
        return unreadableJson(failure);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException failure) {
        String field = failure instanceof JsonMappingException mapping ? pathOf(mapping) : null;
        String detail = "The body is not valid JSON for this request"
                + (field == null || field.isEmpty() ? "" : " (at " + field + ")");
        List<Problem.FieldError> errors = field == null || field.isEmpty()
                ? null
                : List.of(new Problem.FieldError(field, "has the wrong type or format"));
        return respond(Problem.invalid(detail, errors));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException failure) {
        return respond(Problem.of(401, "Unauthorized", "A valid bearer token is required"));
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException failure) {
        return respond(Problem.of(401, "Unauthorized", "A valid bearer token is required"));
    }

    /**
     * One policy for a refusal, whichever exception carries it (Quarkus security's, or JAX-RS's): the reason
     * the code gave reaches the client; without one, the roles are what refused.
     */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException failure) {
        return respond(forbiddenProblem(failure.getMessage()));
    }

    @ServerExceptionMapper
    public Response forbiddenRequest(jakarta.ws.rs.ForbiddenException failure) {
        return respond(forbiddenProblem(failure.getMessage()));
    }

    static Problem forbiddenProblem(String reason) {
        boolean given = reason != null && !reason.isBlank() && !reason.equals("HTTP 403 Forbidden");
        return Problem.of(403, "Forbidden", given ? reason : "Your roles do not allow this request");
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException failure) {
        Response original = failure.getResponse();
        int status = original.getStatus();
        boolean unavailable = status == 503;
        if (status >= 500 && !unavailable) {
            Log.error("Request failed", failure);
        }
        String detail =
                status >= 500 && !unavailable ? "The service could not complete the request" : failure.getMessage();
        Response.ResponseBuilder response = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, original.getStatusInfo().getReasonPhrase(), detail));
        Object retryAfter = original.getHeaders().getFirst("Retry-After");
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception failure) {
        if (DependencyOutage.causedBy(failure)) {
            Log.warnf("A dependency is unreachable, answered 503: %s", failure.getMessage());
            return Response.status(503)
                    .type(Problem.MEDIA_TYPE)
                    .header("Retry-After", DependencyOutage.RETRY_AFTER_SECONDS)
                    .entity(Problem.of(
                            503,
                            "Service Unavailable",
                            "The service cannot reach its database just now; try again shortly"))
                    .build();
        }
        if (sqlState(failure, "22")) {
            Log.warnf("PostgreSQL refused a value of the request: %s", failure.getMessage());
            return respond(Problem.of(400, "Bad Request", "A value of the request cannot be stored as it is"));
        }
        if (sqlState(failure, "23505")) {
            // two requests creating the same thing at once: the one that lost the race learns it exists
            Log.warnf("A concurrent request created the same thing first: %s", failure.getMessage());
            return respond(Problem.of(409, "Conflict", "It exists already: another request created it just now"));
        }
        Log.error("Unexpected failure", failure);
        return respond(Problem.of(500, "Internal Server Error", "The service could not complete the request"));
    }

    /**
     * Whether PostgreSQL's SQLSTATE starts so: class 22, a value refused as data (bad encoding, out of range, bad
     * format); 23505, a unique key taken.
     */
    private static boolean sqlState(Throwable failure, String prefix) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof io.vertx.pgclient.PgException pg
                    && pg.getSqlState() != null
                    && pg.getSqlState().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    /** The field as the client named it, such as {@code name} or {@code expectations[0].metric}: no method or body parameter names. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .filter(node -> node.getKind() != ElementKind.METHOD
                        && node.getKind() != ElementKind.CONSTRUCTOR
                        && node.getKind() != ElementKind.CROSS_PARAMETER
                        && node.getKind() != ElementKind.RETURN_VALUE)
                .toList();
        if (nodes.size() > 1 && nodes.getFirst().getKind() == ElementKind.PARAMETER) {
            nodes = nodes.subList(1, nodes.size());
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.isInIterable()) {
                field.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String pathOf(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
