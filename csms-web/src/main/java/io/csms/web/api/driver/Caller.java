package io.csms.web.api.driver;

import io.csms.web.api.Problems;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The account behind the request's access token, and where the request came from. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    @Inject
    HttpServletRequest request;

    /** The account id ({@code sub} of tokens the CSMS issued); a token naming no account may not act as a driver. */
    public long accountId() {
        String subject = token.getSubject();
        if (subject != null && subject.matches("[0-9]{1,18}")) {
            return Long.parseLong(subject);
        }
        throw new WebApplicationException(
                Problems.response(Response.Status.FORBIDDEN, "no-account", "This token does not belong to an account")
                        .build());
    }

    public String address() {
        return request == null ? null : request.getRemoteAddr();
    }
}
