package io.csms.ocpi.v211.commands;

import static io.csms.ocpi.OcpiFields.object;
import static io.csms.ocpi.OcpiFields.optional;
import static io.csms.ocpi.OcpiFields.required;

import io.csms.ocpi.CommandsReceiver;
import io.csms.ocpi.OcpiFields;
import io.csms.ocpi.OcpiModule;
import io.csms.ocpi.v211.tokens.V211TokensResource;
import io.csms.platform.Jsonp;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.Partner;
import io.csms.roaming.access.ModuleId;
import io.csms.roaming.access.PartnerPrincipal;
import io.csms.roaming.commands.CommandRequest;
import io.csms.roaming.commands.PartnerCommands;
import io.csms.roaming.tokens.TokenData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/**
 * {@code /ocpi/2.1.1/commands}: OCPI 2.1.1 Commands, the CPO interface. No CANCEL_RESERVATION;
 * START_SESSION names no connector; a reservation id is a number; a Token has no party (it is the
 * partner's own); the answer is a CommandResponse {@code {result}}.
 */
@Path("2.1.1/commands")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@OcpiModule(id = ModuleId.COMMANDS, version = OcpiVersion.V2_1_1, path = "commands")
public class V211CommandsResource extends CommandsReceiver {

    private static final Set<String> TYPES = Set.of("START_SESSION", "STOP_SESSION", "RESERVE_NOW", "UNLOCK_CONNECTOR");

    @Override
    protected Set<String> types() {
        return TYPES;
    }

    @Override
    protected CommandRequest read(String type, JsonObject body, PartnerPrincipal partner) {
        String url = required(body, "response_url", 512);
        return switch (type) {
            case "START_SESSION" ->
                new CommandRequest.StartSession(
                        url,
                        token(body, partner),
                        required(body, "location_id", 39),
                        optional(body, "evse_uid", 39),
                        null,
                        null);
            case "STOP_SESSION" -> new CommandRequest.StopSession(url, required(body, "session_id", 36));
            case "RESERVE_NOW" ->
                new CommandRequest.ReserveNow(
                        url,
                        token(body, partner),
                        OcpiFields.requiredDateTime(body, "expiry_date"),
                        Long.toString(OcpiFields.integer(body, "reservation_id")),
                        required(body, "location_id", 39),
                        optional(body, "evse_uid", 39),
                        null);
            default ->
                new CommandRequest.UnlockConnector(
                        url,
                        required(body, "location_id", 39),
                        required(body, "evse_uid", 39),
                        required(body, "connector_id", 36));
        };
    }

    /** The 2.1.1 Token of the command, of the partner's own party (2.1.1 tokens name none). */
    private static TokenData token(JsonObject body, PartnerPrincipal partner) {
        if (partner.roles().isEmpty()) {
            throw OcpiFields.invalid("token: the partner's party is not known yet");
        }
        Partner.PartyRole party = partner.roles().get(0);
        return V211TokensResource.token(object(body, "token"), party.countryCode(), party.partyId());
    }

    @Override
    protected JsonObject answer(PartnerCommands.Answer answer) {
        return Jsonp.JSON
                .createObjectBuilder()
                .add("result", answer.result().name())
                .build();
    }
}
