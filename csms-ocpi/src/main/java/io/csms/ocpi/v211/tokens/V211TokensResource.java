package io.csms.ocpi.v211.tokens;

import io.csms.ocpi.OcpiModule;
import io.csms.ocpi.TokensReceiver;
import io.csms.platform.Jsonp;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.access.ModuleId;
import io.csms.roaming.tokens.TokenData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.temporal.ChronoUnit;

/**
 * {@code /ocpi/2.1.1/tokens}: OCPI 2.1.1 Tokens, CPO interface. The 2.1.1 Token has no party (the URL
 * names it), {@code auth_id} for the contract id, and no group, profile or energy contract.
 */
@Path("2.1.1/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@OcpiModule(id = ModuleId.TOKENS, version = OcpiVersion.V2_1_1, path = "tokens")
public class V211TokensResource extends TokensReceiver {

    @Override
    protected JsonObject json(TokenData t) {
        return token(t);
    }

    @Override
    protected TokenData read(JsonObject json, String countryCode, String partyId) {
        return token(json, countryCode, partyId);
    }

    @Override
    protected boolean patchNeedsLastUpdated() {
        return false;
    }

    /** The OCPI 2.1.1 Token object. */
    public static JsonObject token(TokenData t) {
        JsonObjectBuilder json = Jsonp.JSON
                .createObjectBuilder()
                .add("uid", t.uid())
                .add("type", t.type().name())
                .add("auth_id", t.contractId());
        if (t.visualNumber() != null) {
            json.add("visual_number", t.visualNumber());
        }
        json.add("issuer", t.issuer())
                .add("valid", t.valid())
                .add("whitelist", t.whitelist().name());
        if (t.language() != null) {
            json.add("language", t.language());
        }
        return json.add(
                        "last_updated",
                        t.lastUpdated().truncatedTo(ChronoUnit.SECONDS).toString())
                .build();
    }

    /** The token an OCPI 2.1.1 Token object describes, of the party the URL names. */
    public static TokenData token(JsonObject json, String countryCode, String partyId) {
        return new TokenData(
                countryCode,
                partyId,
                text(json, "uid"),
                enumeration(json, "type", TokenData.Type.class),
                text(json, "auth_id"),
                text(json, "visual_number"),
                text(json, "issuer"),
                null,
                bool(json, "valid"),
                enumeration(json, "whitelist", TokenData.Whitelist.class),
                text(json, "language"),
                null,
                null,
                dateTime(json, "last_updated"));
    }
}
