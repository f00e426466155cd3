package io.csms.web.api;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A role check that fails for a caller without any token is a 401 (authenticate first), not a 403.
 * WildFly reports both as {@link ForbiddenException}.
 */
@Provider
public class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(ForbiddenException exception) {
        if (security.getUserPrincipal() == null) {
            return Problems.response(Response.Status.UNAUTHORIZED, "unauthorized", "A valid bearer token is required")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"csms\"")
                    .build();
        }
        return Problems.response(Response.Status.FORBIDDEN, "forbidden", "Your role does not allow this")
                .build();
    }
}
