package io.csms.web.api.driver;

import io.csms.account.Accounts;
import io.csms.account.EmailVerifications;
import io.csms.web.api.Caller;
import io.csms.web.api.OpenApiResource;
import io.csms.web.api.Problems;
import io.csms.web.api.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /csms/api/auth}: sign up, log in (an access token and a refresh token), refresh, log out.
 * Wrong credentials all look the same; repeated failures are slowed down (429 with Retry-After).
 */
@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Sign up, log in, refresh and log out")
public class AuthResource {

    @Inject
    Accounts accounts;

    @Inject
    EmailVerifications verifications;

    @Inject
    Caller caller;

    /** Email and password; {@code totp}, the 6-digit code of the account's second factor once one is enrolled. */
    public record Credentials(
            @NotNull @Size(max = 254) String email,
            @NotNull @Size(max = 1024) String password,
            @Size(max = 16) String totp) {}

    public record RefreshRequest(@NotNull @Size(max = 100) String refreshToken) {}

    /** The token of the link sent to a new account's e-mail address. */
    public record Verification(@NotNull @Size(max = 100) String token) {}

    /** {@code status}: ACTIVE, or UNVERIFIED until the link sent to the address is used. */
    public record SignedUp(long id, String email, String idTag, java.util.List<String> roles, String status) {}

    /** The login and refresh answer, in OAuth 2.0 token-response style. */
    public record TokenResponse(
            @JsonbProperty("access_token") String accessToken,
            @JsonbProperty("token_type") String tokenType,
            @JsonbProperty("expires_in") long expiresIn,
            @JsonbProperty("refresh_token") String refreshToken,
            String idTag,
            String secondFactor) {}

    @Operation(summary = "Create an account with its app id tag")
    @APIResponse(
            responseCode = "201",
            description = "The account",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignedUp.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @APIResponse(responseCode = "429", ref = Problems.TOO_MANY_REQUESTS)
    @POST
    @Path("signup")
    @PermitAll
    public Response signup(@Valid @NotNull Credentials credentials) {
        Accounts.SignedUp signedUp = accounts.signup(credentials.email(), credentials.password(), caller.address());
        return Response.created(UriBuilder.fromPath("/csms/api/me").build())
                .entity(new SignedUp(
                        signedUp.account().id(),
                        signedUp.account().email(),
                        signedUp.idTag(),
                        signedUp.account().roles(),
                        signedUp.account().status().name()))
                .build();
    }

    @Operation(summary = "Verify the e-mail address with the token of the link sent at sign-up")
    @APIResponse(responseCode = "204", description = "Verified: the account is active")
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @POST
    @Path("verify")
    @PermitAll
    public Response verify(@Valid @NotNull Verification verification) {
        verifications.verify(verification.token(), caller.address());
        return Response.noContent().build();
    }

    @Operation(summary = "Log in: an access token and a refresh token")
    @APIResponse(
            responseCode = "200",
            description = "Tokens",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "429", ref = Problems.TOO_MANY_REQUESTS)
    @POST
    @Path("login")
    @PermitAll
    public Response login(@Valid @NotNull Credentials credentials) {
        Accounts.Login login =
                accounts.login(credentials.email(), credentials.password(), credentials.totp(), caller.address());
        if (login instanceof Accounts.LoggedIn in) {
            return tokens(in.tokens());
        }
        if (login instanceof Accounts.Throttled throttled) {
            return Problems.response(
                            Response.Status.TOO_MANY_REQUESTS,
                            "too-many-attempts",
                            "Too many failed logins; try again later")
                    .header(HttpHeaders.RETRY_AFTER, throttled.retryAfter().toSeconds())
                    .build();
        }
        if (login instanceof Accounts.SecondFactorRequired) {
            return Problems.response(
                            Response.Status.UNAUTHORIZED,
                            "second-factor-required",
                            "This account has a second factor: send its current code as totp")
                    .build();
        }
        if (login instanceof Accounts.Unverified) {
            return Problems.response(
                            Response.Status.FORBIDDEN,
                            "email-not-verified",
                            "Verify the e-mail address first (the link in the mail sent at sign-up)")
                    .build();
        }
        return invalidCredentials("Wrong email, password or second factor");
    }

    @Operation(summary = "Trade a refresh token for new tokens (the old one is revoked)")
    @APIResponse(
            responseCode = "200",
            description = "Tokens",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
    @POST
    @Path("refresh")
    @PermitAll
    public Response refresh(@Valid @NotNull RefreshRequest request) {
        return accounts.refresh(request.refreshToken(), caller.address())
                .map(AuthResource::tokens)
                .orElseGet(() -> invalidCredentials("The refresh token is not valid"));
    }

    /** Revokes the refresh token; the access token expires on its own (it is short-lived). */
    @Operation(summary = "Revoke a refresh token")
    @APIResponse(responseCode = "204", description = "Logged out")
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
    @SecurityRequirement(name = OpenApiResource.BEARER)
    @POST
    @Path("logout")
    @RolesAllowed({Roles.USER, Roles.ADMIN, Roles.ROOT})
    public Response logout(@Valid @NotNull RefreshRequest request) {
        accounts.logout(caller.accountId(), request.refreshToken(), caller.address());
        return Response.noContent().build();
    }

    private static Response tokens(Accounts.Tokens tokens) {
        return Response.ok(new TokenResponse(
                        tokens.accessToken(),
                        "Bearer",
                        tokens.expiresIn(),
                        tokens.refreshToken(),
                        tokens.idTag(),
                        tokens.secondFactor()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static Response invalidCredentials(String detail) {
        return Problems.response(Response.Status.UNAUTHORIZED, "invalid-credentials", detail)
                .build();
    }
}
