package io.csms.web.api.admin;

import io.csms.authorization.CardClaim;
import io.csms.authorization.CardClaims;
import io.csms.web.api.Caller;
import io.csms.web.api.OpenApiResource;
import io.csms.web.api.Problems;
import io.csms.web.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /csms/api/admin/card-claims}: drivers' claims to RFID cards that wait for an operator (those
 * that name no charger to tap at, or whose driver cannot tap): approve or refuse.
 */
@Path("admin/card-claims")
@RequestScoped
@RolesAllowed({Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operator: id tags", description = "RFID cards and other id tags (role admin)")
@SecurityRequirement(name = OpenApiResource.BEARER)
@APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
public class CardClaimsResource {

    @Inject
    CardClaims claims;

    @Inject
    Caller caller;

    public record ClaimView(
            UUID claimId,
            long accountId,
            String idTag,
            String label,
            String chargePointId,
            String status,
            Instant createdAt,
            Instant expiresAt) {

        static ClaimView of(CardClaim c) {
            return new ClaimView(
                    c.id(),
                    c.accountId(),
                    c.idTag(),
                    c.label(),
                    c.chargerId(),
                    c.state(Instant.now()).name(),
                    c.createdAt(),
                    c.expiresAt());
        }
    }

    @Operation(summary = "Claims waiting for a tap or a decision, newest first")
    @APIResponse(
            responseCode = "200",
            description = "The claims",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ClaimView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @GET
    public List<ClaimView> waiting(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return claims.waiting(offset, limit).stream().map(ClaimView::of).toList();
    }

    @Operation(summary = "Approve a claim: the card becomes the driver's")
    @APIResponse(
            responseCode = "200",
            description = "The claim",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @POST
    @Path("{id}/approve")
    public ClaimView approve(@PathParam("id") UUID id) {
        return ClaimView.of(claims.decide(id, true, caller.name(), caller.address()));
    }

    @Operation(summary = "Refuse a claim")
    @APIResponse(
            responseCode = "200",
            description = "The claim",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @POST
    @Path("{id}/refuse")
    public ClaimView refuse(@PathParam("id") UUID id) {
        return ClaimView.of(claims.decide(id, false, caller.name(), caller.address()));
    }
}
