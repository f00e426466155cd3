package io.csms.web.api;

import io.csms.account.SecondFactors;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /csms/api/me/second-factor}: enrol a second factor (RFC 6238, an authenticator app),
 * confirm it with a first code, remove it with a current one. Once confirmed, every login needs a
 * code ({@code totp}); operators need one for operator rights where {@code csms.admin.require-mfa}
 * is on. Any token of the account may enrol (an operator without a factor gets a driver's token).
 */
@Path("me/second-factor")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Sign up, log in, refresh and log out")
@SecurityRequirement(name = OpenApiResource.BEARER)
@APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
public class SecondFactorResource {

    @Inject
    SecondFactors factors;

    @Inject
    Caller caller;

    /** The new secret, shown once: {@code uri} is what a QR code for an authenticator app holds. */
    public record Enrolment(String secret, String uri) {}

    public record Code(
            @NotNull @Pattern(regexp = "\\d{6}", message = "6 digits")
            String totp) {}

    @Operation(summary = "Start enrolling a second factor: a new secret, shown once")
    @APIResponse(
            responseCode = "200",
            description = "The secret and its otpauth URI",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Enrolment.class)))
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @POST
    public Response enrol() {
        SecondFactors.Enrolment enrolment = factors.enrol(caller.accountId(), caller.address());
        return Response.ok(new Enrolment(enrolment.secret(), enrolment.uri()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @Operation(summary = "Confirm the enrolment with a first code: from now on logins need a code")
    @APIResponse(responseCode = "204", description = "Confirmed")
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @POST
    @Path("confirm")
    public Response confirm(@Valid @NotNull Code code) {
        factors.confirm(caller.accountId(), code.totp(), caller.address());
        return Response.noContent().build();
    }

    @Operation(summary = "Remove the second factor, proving it with a current code")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @DELETE
    public Response remove(@Valid @NotNull Code code) {
        factors.remove(caller.accountId(), code.totp(), caller.address());
        return Response.noContent().build();
    }
}
