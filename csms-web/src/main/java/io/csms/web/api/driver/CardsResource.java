package io.csms.web.api.driver;

import io.csms.account.Cards;
import io.csms.authorization.IdTag;
import io.csms.authorization.IdTags;
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

/**
 * {@code /csms/api/me/cards}: the caller's id tags, the app tag and linked RFID cards: list, add,
 * block, unblock, remove. Another account's card is "not found".
 */
@Path("me/cards")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CardsResource {

    @Inject
    Cards cards;

    @Inject
    Caller caller;

    public record NewCard(@NotNull @Pattern(regexp = IdTags.ID_TOKEN, message = IdTags.ID_TOKEN_RULE) String idTag,
            @Size(max = 64) String label) {}

    /** A card as its owner sees it: {@code kind} APP (the app's own tag) or RFID; {@code status} as chargers see it. */
    public record CardView(String idTag, String kind, String label, String status, Instant createdAt) {

        static CardView of(IdTag tag) {
            return new CardView(tag.idTag(), tag.kind(), tag.label(), tag.status(), tag.createdAt());
        }
    }

    @GET
    public List<CardView> list() {
        return cards.list(caller.accountId()).stream().map(CardView::of).toList();
    }

    @POST
    public Response add(@Valid @NotNull NewCard card) {
        IdTag tag = cards.add(caller.accountId(), card.idTag(), card.label(), caller.address());
        return Response.created(UriBuilder.fromPath("/csms/api/me/cards/{id}").build(tag.idTag()))
                .entity(CardView.of(tag)).build();
    }

    @POST
    @Path("{idTag}/block")
    public CardView block(@PathParam("idTag") String idTag) {
        return CardView.of(cards.block(caller.accountId(), idTag, true, caller.address()));
    }

    @POST
    @Path("{idTag}/unblock")
    public CardView unblock(@PathParam("idTag") String idTag) {
        return CardView.of(cards.block(caller.accountId(), idTag, false, caller.address()));
    }

    @DELETE
    @Path("{idTag}")
    public Response remove(@PathParam("idTag") String idTag) {
        cards.remove(caller.accountId(), idTag, caller.address());
        return Response.noContent().build();
    }
}
