package io.csms.web.api.admin;

import io.csms.transaction.Transactions;
import io.csms.web.api.Caller;
import io.csms.web.api.OpenApiResource;
import io.csms.web.api.Problems;
import io.csms.web.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /csms/api/admin/transactions/{id}/close}: ends a transaction the charger will never stop (its
 * StopTransaction was lost, the charger was replaced), so its tag may charge again.
 */
@Path("admin/transactions")
@RequestScoped
@RolesAllowed({Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operator: chargers", description = "Registering and inspecting chargers (role admin)")
@SecurityRequirement(name = OpenApiResource.BEARER)
@APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
public class TransactionsResource {

    @Inject
    Transactions transactions;

    @Inject
    Caller caller;

    @Operation(summary = "Close an open transaction now (reason Other; its last energy reading as its end)")
    @APIResponse(
            responseCode = "200",
            description = "The closed transaction",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChargersResource.TransactionView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @POST
    @Path("{id}/close")
    public ChargersResource.TransactionView close(@PathParam("id") int id) {
        return ChargersResource.view(transactions.close(id, caller.name(), caller.address()));
    }
}
