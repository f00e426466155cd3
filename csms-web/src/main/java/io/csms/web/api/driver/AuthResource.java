package io.csms.web.api.driver;

import io.csms.account.Accounts;
import io.csms.web.api.Problems;
import io.csms.web.api.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/**
 * {@code /csms/api/auth}: sign up, log in (an access token and a refresh token), refresh, log out.
 * Wrong credentials all look the same; repeated failures are slowed down (429 with Retry-After).
 */
@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    public record Credentials(@NotNull @Size(max = 254) String email, @NotNull @Size(max = 1024) String password) {}

    public record RefreshRequest(@NotNull @Size(max = 100) String refreshToken) {}

    public record SignedUp(long id, String email, String idTag, java.util.List<String> roles) {}

    @POST
    @Path("signup")
    @PermitAll
    public Response signup(@Valid @NotNull Credentials credentials) {
        Accounts.SignedUp signedUp = accounts.signup(credentials.email(), credentials.password(), caller.address());
        return Response.created(UriBuilder.fromPath("/csms/api/me").build())
                .entity(new SignedUp(signedUp.account().id(), signedUp.account().email(), signedUp.idTag(),
                        signedUp.account().roles()))
                .build();
    }

    @POST
    @Path("login")
    @PermitAll
    public Response login(@Valid @NotNull Credentials credentials) {
        Accounts.Login login = accounts.login(credentials.email(), credentials.password(), caller.address());
        if (login instanceof Accounts.LoggedIn in) {
            return tokens(in.tokens());
        }
        if (login instanceof Accounts.Throttled throttled) {
            return Problems.response(Response.Status.TOO_MANY_REQUESTS, "too-many-attempts",
                    "Too many failed logins; try again later")
                    .header(HttpHeaders.RETRY_AFTER, throttled.retryAfter().toSeconds()).build();
        }
        return invalidCredentials("Wrong email or password");
    }

    @POST
    @Path("refresh")
    @PermitAll
    public Response refresh(@Valid @NotNull RefreshRequest request) {
        return accounts.refresh(request.refreshToken(), caller.address()).map(AuthResource::tokens)
                .orElseGet(() -> invalidCredentials("The refresh token is not valid"));
    }

    /** Revokes the refresh token; the access token expires on its own (it is short-lived). */
    @POST
    @Path("logout")
    @RolesAllowed({Roles.USER, Roles.ADMIN, Roles.ROOT})
    public Response logout(@Valid @NotNull RefreshRequest request) {
        accounts.logout(caller.accountId(), request.refreshToken(), caller.address());
        return Response.noContent().build();
    }

    private static Response tokens(Accounts.Tokens tokens) {
        JsonObject body = Json.createObjectBuilder()
                .add("access_token", tokens.accessToken())
                .add("token_type", "Bearer")
                .add("expires_in", tokens.expiresIn())
                .add("refresh_token", tokens.refreshToken())
                .add("idTag", tokens.idTag())
                .build();
        return Response.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static Response invalidCredentials(String detail) {
        return Problems.response(Response.Status.UNAUTHORIZED, "invalid-credentials", detail).build();
    }
}
