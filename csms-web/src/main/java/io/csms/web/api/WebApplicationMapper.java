package io.csms.web.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every HTTP error the JAX-RS runtime raises (unknown path, wrong method, unreadable body) as
 * problem+json. A body the JSON binding could not read arrives here wrapped, and is a 400.
 */
@Provider
public class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Throwable cause = exception.getCause();
        while (cause != null && !(cause instanceof JsonbException)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            return Problems.response(
                            Response.Status.BAD_REQUEST,
                            "invalid-json",
                            "The body is not valid JSON of the expected shape")
                    .build();
        }
        Response given = exception.getResponse();
        if (given.hasEntity()
                && given.getMediaType() != null
                && Problems.MEDIA_TYPE.equals(given.getMediaType().getType() + "/"
                        + given.getMediaType().getSubtype())) {
            return given; // already a problem, thrown by our own code
        }
        Response.StatusType status = exception.getResponse().getStatusInfo();
        Response.Status known = Response.Status.fromStatusCode(status.getStatusCode());
        Response.ResponseBuilder problem = Problems.response(
                known == null ? Response.Status.INTERNAL_SERVER_ERROR : known,
                status.getReasonPhrase().toLowerCase().replace(' ', '-'),
                status.getReasonPhrase());
        // keep what the original response told the client to do (WWW-Authenticate, Allow, Retry-After)
        exception.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> problem.header(name, value));
            }
        });
        return problem.build();
    }
}
