package io.csms.web.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Comparator;
import java.util.List;

/** Invalid input: 400 with one entry per offending field (RFC 9457 extension member {@code errors}). */
@Provider
public class ValidationMapper implements ExceptionMapper<ConstraintViolationException> {

    public record FieldError(String field, String message) {}

    public record ValidationProblem(URI type, String title, int status, String detail, List<FieldError> errors) {}

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return Response.status(Response.Status.BAD_REQUEST)
                .type(Problems.MEDIA_TYPE)
                .entity(new ValidationProblem(
                        URI.create("https://csms.io/problems/invalid-input"),
                        "Bad Request",
                        400,
                        "The request has invalid fields",
                        errors))
                .build();
    }

    /** {@code register.arg0.authorizationKey} → {@code authorizationKey}. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
