package io.csms.ocpi;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.platform.Jsonp;
import io.csms.platform.Refusal;
import io.csms.roaming.access.PartnerPrincipal;
import io.csms.roaming.access.Route;
import io.csms.roaming.access.Routes;
import io.csms.roaming.tokens.RoamingTokens;
import io.csms.roaming.tokens.TokenData;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * {@code GET/PUT/PATCH .../tokens/{country_code}/{party_id}/{token_uid}[?type=]}, the Tokens Receiver
 * interface of every version: an eMSP pushes its drivers' tokens. A partner reads and writes only
 * tokens of parties it speaks for (its own, or a hub's allowed clients): another party's are 403/2000
 * (audited). A PUT stores the whole token, a PATCH changes the fields it names and must carry
 * {@code last_updated}; an update older than the stored token changes nothing. An unknown token is
 * 404/2004; a token that breaks a field rule is 400/2001 naming the field. A version's subclass names
 * its path and {@link OcpiModule} and maps its Token object.
 */
public abstract class TokensReceiver {

    private static final String TOKEN = "{country_code}/{party_id}/{token_uid}";

    @Inject
    RoamingTokens tokens;

    @Inject
    OcpiCaller caller;

    @Inject
    Routes routes;

    @Inject
    AuditTrail audit;

    /** The version's Token object. */
    protected abstract JsonObject json(TokenData token);

    /** Whether a PATCH must carry {@code last_updated} (2.2.1 says so; 2.1.1 does not). */
    protected boolean patchNeedsLastUpdated() {
        return true;
    }

    /** The token the version's object describes, of the party named in the URL. */
    protected abstract TokenData read(JsonObject token, String countryCode, String partyId);

    @GET
    @Path(TOKEN)
    public OcpiResponse<JsonValue> get(
            @PathParam("country_code") String countryCode,
            @PathParam("party_id") String partyId,
            @PathParam("token_uid") String uid,
            @QueryParam("type") String type) {
        ownParty(countryCode, partyId, "read");
        return OcpiResponse.success(
                json(stored(countryCode, partyId, uid, type(type)).token()));
    }

    @PUT
    @Path(TOKEN)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public OcpiResponse<Void> put(
            @PathParam("country_code") String countryCode,
            @PathParam("party_id") String partyId,
            @PathParam("token_uid") String uid,
            @QueryParam("type") String type,
            String body) {
        PartnerPrincipal partner = ownParty(countryCode, partyId, "write");
        TokenData token = read(OcpiJson.readObject(body), countryCode, partyId);
        if (!token.countryCode().equalsIgnoreCase(countryCode)
                || !token.partyId().equalsIgnoreCase(partyId)
                || !token.uid().equalsIgnoreCase(uid)
                || (type != null && type(type) != token.type())) {
            throw invalid("country_code, party_id, uid and type must be those of the URL");
        }
        tokens.put(partner.partnerId(), token);
        return OcpiResponse.success(null);
    }

    @PATCH
    @Path(TOKEN)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public OcpiResponse<Void> patch(
            @PathParam("country_code") String countryCode,
            @PathParam("party_id") String partyId,
            @PathParam("token_uid") String uid,
            @QueryParam("type") String type,
            String body) {
        PartnerPrincipal partner = ownParty(countryCode, partyId, "write");
        JsonObject given = OcpiJson.readObject(body);
        JsonObject patch = given;
        if (!(given.get("last_updated") instanceof JsonString)) {
            if (patchNeedsLastUpdated()) {
                throw invalid("A PATCH carries last_updated");
            }
            // 2.1.1 has no such rule (its own example is {"valid": false}): the change is of now
            patch = Jsonp.JSON
                    .createObjectBuilder(given)
                    .add(
                            "last_updated",
                            java.time.Instant.now()
                                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                    .toString())
                    .build();
        }
        JsonObject changes = patch;
        tokens.change(partner.partnerId(), countryCode, partyId, uid, type(type), before -> {
                    JsonObjectBuilder merged = Jsonp.JSON.createObjectBuilder(json(before));
                    changes.forEach((field, value) -> {
                        if (value.getValueType() == JsonValue.ValueType.NULL) {
                            merged.remove(field);
                        } else {
                            merged.add(field, value);
                        }
                    });
                    TokenData after = read(merged.build(), countryCode, partyId);
                    if (!after.countryCode().equals(before.countryCode())
                            || !after.partyId().equals(before.partyId())
                            || !after.uid().equalsIgnoreCase(before.uid())
                            || after.type() != before.type()) {
                        throw invalid("country_code, party_id, uid and type cannot be changed");
                    }
                    return after;
                })
                .orElseThrow(() -> new OcpiException(404, OcpiStatus.UNKNOWN_TOKEN, "Unknown token"));
        return OcpiResponse.success(null);
    }

    /** The partner, when it speaks for the party in the URL; else 403/2000, audited. */
    private PartnerPrincipal ownParty(String countryCode, String partyId, String what) {
        PartnerPrincipal partner = caller.required();
        if (!countryCode.matches("[A-Za-z]{2}") || !partyId.matches("[A-Za-z0-9]{3}")) {
            throw invalid("country_code: two letters; party_id: three letters or digits");
        }
        Route.Party party = new Route.Party(countryCode, partyId);
        if (!routes.speaksFor(partner, party)) {
            audit.record(new AuditEvent(
                    AuditEvent.ActorType.PARTNER,
                    partner.actor(),
                    "ocpi.tokens." + what,
                    party.toString(),
                    AuditEvent.Outcome.DENIED,
                    null,
                    "tokens of a party the partner does not speak for"));
            throw new OcpiException(403, OcpiStatus.CLIENT_ERROR, "You may not " + what + " tokens of " + party);
        }
        return partner;
    }

    private RoamingTokens.Stored stored(String countryCode, String partyId, String uid, TokenData.Type type) {
        return tokens.find(countryCode, partyId, uid, type)
                .orElseThrow(() -> new OcpiException(404, OcpiStatus.UNKNOWN_TOKEN, "Unknown token"));
    }

    /** The {@code type} parameter: RFID when absent (OCPI's default). */
    private static TokenData.Type type(String type) {
        if (type == null || type.isEmpty()) {
            return TokenData.Type.RFID;
        }
        try {
            return TokenData.Type.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("type: AD_HOC_USER, APP_USER, OTHER or RFID");
        }
    }

    /** 400/2001 ({@link OcpiErrors}); a refusal rather than an {@link OcpiException}, so mappers need no JAX-RS runtime. */
    protected static Refusal invalid(String message) {
        return new Refusal(Refusal.Kind.INVALID, "invalid-token", message);
    }

    /** A string field, or null when absent ({@link OcpiFields}). */
    protected static String text(JsonObject json, String field) {
        return OcpiFields.text(json, field);
    }

    protected static boolean bool(JsonObject json, String field) {
        return OcpiFields.bool(json, field);
    }

    protected static <E extends Enum<E>> E enumeration(JsonObject json, String field, Class<E> type) {
        return OcpiFields.enumeration(json, field, type);
    }

    protected static java.time.Instant dateTime(JsonObject json, String field) {
        return OcpiFields.dateTime(json, field);
    }
}
