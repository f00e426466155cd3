package io.csms.ocpi.v221.tokens;

import io.csms.ocpi.OcpiModule;
import io.csms.ocpi.TokensReceiver;
import io.csms.platform.Jsonp;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.access.InterfaceRole;
import io.csms.roaming.access.ModuleId;
import io.csms.roaming.tokens.TokenData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.temporal.ChronoUnit;

/** {@code /ocpi/2.2.1/tokens}: OCPI 2.2.1 Tokens, Receiver; the model's own fields. */
@Path("2.2.1/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@OcpiModule(id = ModuleId.TOKENS, version = OcpiVersion.V2_2_1, roles = InterfaceRole.RECEIVER, path = "tokens")
public class TokensResource extends TokensReceiver {

    @Override
    protected JsonObject json(TokenData t) {
        return token(t);
    }

    @Override
    protected TokenData read(JsonObject json, String countryCode, String partyId) {
        return token(json);
    }

    /** The OCPI 2.2.1 Token object. */
    public static JsonObject token(TokenData t) {
        JsonObjectBuilder json = Jsonp.JSON
                .createObjectBuilder()
                .add("country_code", t.countryCode())
                .add("party_id", t.partyId())
                .add("uid", t.uid())
                .add("type", t.type().name())
                .add("contract_id", t.contractId());
        optional(json, "visual_number", t.visualNumber());
        json.add("issuer", t.issuer());
        optional(json, "group_id", t.groupId());
        json.add("valid", t.valid()).add("whitelist", t.whitelist().name());
        optional(json, "language", t.language());
        optional(json, "default_profile_type", t.defaultProfileType());
        if (t.energyContract() != null) {
            JsonObjectBuilder contract = Jsonp.JSON
                    .createObjectBuilder()
                    .add("supplier_name", t.energyContract().supplierName());
            optional(contract, "contract_id", t.energyContract().contractId());
            json.add("energy_contract", contract);
        }
        return json.add(
                        "last_updated",
                        t.lastUpdated().truncatedTo(ChronoUnit.SECONDS).toString())
                .build();
    }

    /** The token an OCPI 2.2.1 Token object describes; 400/2001 naming the field that breaks a rule. */
    public static TokenData token(JsonObject json) {
        JsonValue contract = json.get("energy_contract");
        TokenData.EnergyContract energyContract = null;
        if (contract != null && contract.getValueType() != JsonValue.ValueType.NULL) {
            if (contract.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid("energy_contract: an object");
            }
            energyContract = new TokenData.EnergyContract(
                    text(contract.asJsonObject(), "supplier_name"), text(contract.asJsonObject(), "contract_id"));
        }
        return new TokenData(
                text(json, "country_code"),
                text(json, "party_id"),
                text(json, "uid"),
                enumeration(json, "type", TokenData.Type.class),
                text(json, "contract_id"),
                text(json, "visual_number"),
                text(json, "issuer"),
                text(json, "group_id"),
                bool(json, "valid"),
                enumeration(json, "whitelist", TokenData.Whitelist.class),
                text(json, "language"),
                text(json, "default_profile_type"),
                energyContract,
                dateTime(json, "last_updated"));
    }

    private static void optional(JsonObjectBuilder json, String field, String value) {
        if (value != null) {
            json.add(field, value);
        }
    }
}
