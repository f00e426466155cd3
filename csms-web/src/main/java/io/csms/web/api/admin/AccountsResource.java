package io.csms.web.api.admin;

import io.csms.account.Account;
import io.csms.account.AccountAdministration;
import io.csms.web.api.Caller;
import io.csms.web.api.OpenApiResource;
import io.csms.web.api.Problems;
import io.csms.web.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /csms/api/admin/accounts}: the accounts, for a root only. A root makes an account an
 * operator or a driver again, locks or disables it, and resets a lost second factor; a root account
 * and the caller's own are not changed here.
 */
@Path("admin/accounts")
@RequestScoped
@RolesAllowed(Roles.ROOT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Root: accounts", description = "Operators and drivers (role root)")
@SecurityRequirement(name = OpenApiResource.BEARER)
@APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
public class AccountsResource {

    @Inject
    AccountAdministration accounts;

    @Inject
    Caller caller;

    /** An account as a root sees it: never a password hash or a second factor's secret. */
    public record AccountView(
            long id, String email, List<String> roles, String status, boolean secondFactor, Instant createdAt) {

        static AccountView of(Account a) {
            return new AccountView(a.id(), a.email(), a.roles(), a.status().name(), a.secondFactor(), a.createdAt());
        }
    }

    public record OperatorRole(@NotNull Boolean admin) {}

    public record StatusChange(
            @NotNull @Pattern(regexp = "ACTIVE|LOCKED|DISABLED", message = "ACTIVE, LOCKED or DISABLED")
            String status) {}

    @Operation(summary = "Accounts, optionally those whose email starts with a prefix; X-Total-Count has the number")
    @APIResponse(
            responseCode = "200",
            description = "A page of accounts",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = AccountView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @GET
    public Response list(
            @QueryParam("email") @Size(max = 254) String emailPrefix,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return Response.ok(accounts.list(emailPrefix, offset, limit).stream()
                        .map(AccountView::of)
                        .toList())
                .header("X-Total-Count", accounts.count(emailPrefix))
                .build();
    }

    @Operation(summary = "One account")
    @APIResponse(
            responseCode = "200",
            description = "The account",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}")
    public AccountView get(@PathParam("id") long id) {
        return AccountView.of(accounts.get(id));
    }

    @Operation(summary = "Make the account an operator (admin: true) or a driver only (admin: false)")
    @APIResponse(
            responseCode = "200",
            description = "The account",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @PUT
    @Path("{id}/operator")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView operator(@PathParam("id") long id, @Valid @NotNull OperatorRole role) {
        return AccountView.of(accounts.operator(id, role.admin(), caller.accountId(), caller.address()));
    }

    @Operation(summary = "Lock, disable or reactivate the account (its refresh tokens end when it is not active)")
    @APIResponse(
            responseCode = "200",
            description = "The account",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @PUT
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView status(@PathParam("id") long id, @Valid @NotNull StatusChange change) {
        return AccountView.of(
                accounts.status(id, Account.Status.valueOf(change.status()), caller.accountId(), caller.address()));
    }

    @Operation(summary = "Remove the account's second factor (a lost phone): its owner enrols again")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @POST
    @Path("{id}/second-factor/reset")
    public Response resetSecondFactor(@PathParam("id") long id) {
        accounts.resetSecondFactor(id, caller.accountId(), caller.address());
        return Response.noContent().build();
    }
}
