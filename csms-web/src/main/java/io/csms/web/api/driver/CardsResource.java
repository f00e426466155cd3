package io.csms.web.api.driver;

import io.csms.account.Cards;
import io.csms.authorization.CardClaim;
import io.csms.authorization.IdTag;
import io.csms.authorization.IdTags;
import io.csms.chargepoint.ChargerRegistration;
import io.csms.web.api.Caller;
import io.csms.web.api.OpenApiResource;
import io.csms.web.api.Problems;
import io.csms.web.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
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
 * {@code /csms/api/me/cards}: the caller's id tags, the app tag and linked RFID cards: list, add,
 * block, unblock, remove. Another account's card is "not found".
 */
@Path("me/cards")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cards", description = "The caller's id tags: the app tag and RFID cards")
@SecurityRequirement(name = OpenApiResource.BEARER)
@APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
public class CardsResource {

    @Inject
    Cards cards;

    @Inject
    Caller caller;

    /** A card to claim; {@code chargePointId} names the charger at which it will be tapped to prove it (else an operator decides). */
    public record NewCard(
            @NotNull @Pattern(regexp = IdTags.ID_TOKEN, message = IdTags.ID_TOKEN_RULE)
            String idTag,

            @Size(max = 64) String label,

            @Pattern(regexp = ChargerRegistration.ID, message = ChargerRegistration.ID_RULE)
            String chargePointId) {}

    /**
     * A card as its owner sees it: {@code kind} APP (the app's own tag) or RFID; {@code status} as
     * chargers see it (Blocked when the owner or an operator blocked it); {@code blockedByOwner}.
     */
    public record CardView(
            String idTag, String kind, String label, String status, boolean blockedByOwner, Instant createdAt) {

        static CardView of(IdTag tag) {
            String status = tag.ownerBlocked() && tag.status().equals("Accepted") ? "Blocked" : tag.status();
            return new CardView(tag.idTag(), tag.kind(), tag.label(), status, tag.ownerBlocked(), tag.createdAt());
        }
    }

    /** A claim to a card: WAITING (for the tap at {@code chargePointId}, or an operator), CONFIRMED, EXPIRED, REFUSED. */
    public record ClaimView(
            UUID claimId, String idTag, String label, String chargePointId, String status, Instant expiresAt) {

        static ClaimView of(CardClaim claim) {
            return new ClaimView(
                    claim.id(),
                    claim.idTag(),
                    claim.label(),
                    claim.chargerId(),
                    claim.state(Instant.now()).name(),
                    claim.expiresAt());
        }
    }

    @Operation(summary = "List the id tags")
    @APIResponse(
            responseCode = "200",
            description = "The id tags",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = CardView.class)))
    @GET
    public List<CardView> list() {
        return cards.list(caller.accountId()).stream().map(CardView::of).toList();
    }

    @Operation(
            summary = "Claim an RFID card: it is linked once it is tapped at the named charger within minutes"
                    + " (or once an operator approves)")
    @APIResponse(
            responseCode = "202",
            description = "The claim, waiting for the tap",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @POST
    public Response add(@Valid @NotNull NewCard card) {
        CardClaim claim =
                cards.claim(caller.accountId(), card.idTag(), card.label(), card.chargePointId(), caller.address());
        return Response.accepted(ClaimView.of(claim))
                .location(UriBuilder.fromPath("/csms/api/me/cards/claims/{id}").build(claim.id()))
                .build();
    }

    @Operation(summary = "A claim to a card")
    @APIResponse(
            responseCode = "200",
            description = "The claim",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("claims/{claimId}")
    public ClaimView claim(@PathParam("claimId") UUID claimId) {
        return ClaimView.of(cards.claimOf(caller.accountId(), claimId));
    }

    @Operation(summary = "Block a card: chargers will refuse it")
    @APIResponse(
            responseCode = "200",
            description = "The card",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CardView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @POST
    @Path("{idTag}/block")
    public CardView block(@PathParam("idTag") String idTag) {
        return CardView.of(cards.block(caller.accountId(), idTag, true, caller.address()));
    }

    @Operation(summary = "Unblock a card")
    @APIResponse(
            responseCode = "200",
            description = "The card",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CardView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @POST
    @Path("{idTag}/unblock")
    public CardView unblock(@PathParam("idTag") String idTag) {
        return CardView.of(cards.block(caller.accountId(), idTag, false, caller.address()));
    }

    @Operation(summary = "Unlink a card (the app tag cannot be removed)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @DELETE
    @Path("{idTag}")
    public Response remove(@PathParam("idTag") String idTag) {
        cards.remove(caller.accountId(), idTag, caller.address());
        return Response.noContent().build();
    }
}
