package io.csms.web.api;

import io.csms.platform.TrustedProxies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The account behind the request's access token, and where the request came from (the connecting
 * address, or what a trusted reverse proxy reports: {@link TrustedProxies}).
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    @Inject
    HttpServletRequest request;

    @Inject
    TrustedProxies proxies;

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

    /** The token's name ({@code upn}: the account's email), for the audit trail. */
    public String name() {
        return token.getName();
    }

    public String address() {
        return request == null ? null : proxies.clientAddress(request);
    }
}
