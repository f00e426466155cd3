package io.csms.web.api;

import io.csms.platform.Refusal;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request the services refused: 400 invalid, 404 not found (or not the caller's), 409 conflict,
 * 429 too many (with Retry-After), 502 a partner we called failed.
 */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

    @Override
    public Response toResponse(Refusal e) {
        Response.Status status = switch (e.kind()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case CONFLICT -> Response.Status.CONFLICT;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case UPSTREAM -> Response.Status.BAD_GATEWAY;
            case THROTTLED -> Response.Status.TOO_MANY_REQUESTS;
        };
        Response.ResponseBuilder problem = Problems.response(status, e.type(), e.getMessage());
        if (e.retryAfter() != null) {
            problem.header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter().toSeconds()));
        }
        return problem.build();
    }
}
