package io.csms.ocpi.v221.commands;

import static io.csms.ocpi.OcpiFields.object;
import static io.csms.ocpi.OcpiFields.optional;
import static io.csms.ocpi.OcpiFields.required;

import io.csms.ocpi.CommandsReceiver;
import io.csms.ocpi.OcpiFields;
import io.csms.ocpi.OcpiModule;
import io.csms.ocpi.v221.tokens.TokensResource;
import io.csms.platform.Jsonp;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.access.InterfaceRole;
import io.csms.roaming.access.ModuleId;
import io.csms.roaming.access.PartnerPrincipal;
import io.csms.roaming.commands.CommandRequest;
import io.csms.roaming.commands.PartnerCommands;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/**
 * {@code /ocpi/2.2.1/commands}: OCPI 2.2.1 Commands, Receiver. The five commands; the answer is a
 * CommandResponse {@code {result, timeout, message}}.
 */
@Path("2.2.1/commands")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@OcpiModule(id = ModuleId.COMMANDS, version = OcpiVersion.V2_2_1, roles = InterfaceRole.RECEIVER, path = "commands")
public class CommandsResource extends CommandsReceiver {

    private static final Set<String> TYPES =
            Set.of("START_SESSION", "STOP_SESSION", "RESERVE_NOW", "CANCEL_RESERVATION", "UNLOCK_CONNECTOR");

    @Override
    protected Set<String> types() {
        return TYPES;
    }

    @Override
    protected CommandRequest read(String type, JsonObject body, PartnerPrincipal partner) {
        return command(type, body);
    }

    /** The 2.2.1 object of a command (StartSession, StopSession, ReserveNow, CancelReservation, UnlockConnector). */
    public static CommandRequest command(String type, JsonObject body) {
        String url = required(body, "response_url", 512);
        return switch (type) {
            case "START_SESSION" -> {
                String evse = optional(body, "evse_uid", 36);
                String connector = optional(body, "connector_id", 36);
                if (connector != null && evse == null) {
                    throw OcpiFields.invalid("evse_uid: required when connector_id is set");
                }
                yield new CommandRequest.StartSession(
                        url,
                        TokensResource.token(object(body, "token")),
                        required(body, "location_id", 36),
                        evse,
                        connector,
                        optional(body, "authorization_reference", 36));
            }
            case "STOP_SESSION" -> new CommandRequest.StopSession(url, required(body, "session_id", 36));
            case "RESERVE_NOW" ->
                new CommandRequest.ReserveNow(
                        url,
                        TokensResource.token(object(body, "token")),
                        OcpiFields.requiredDateTime(body, "expiry_date"),
                        required(body, "reservation_id", 36),
                        required(body, "location_id", 36),
                        optional(body, "evse_uid", 36),
                        optional(body, "authorization_reference", 36));
            case "CANCEL_RESERVATION" ->
                new CommandRequest.CancelReservation(url, required(body, "reservation_id", 36));
            default ->
                new CommandRequest.UnlockConnector(
                        url,
                        required(body, "location_id", 36),
                        required(body, "evse_uid", 36),
                        required(body, "connector_id", 36));
        };
    }

    @Override
    protected JsonObject answer(PartnerCommands.Answer answer) {
        JsonObjectBuilder json = Jsonp.JSON
                .createObjectBuilder()
                .add("result", answer.result().name())
                .add("timeout", answer.timeout());
        if (answer.message() != null) {
            json.add("message", message(answer.message()));
        }
        return json.build();
    }

    /** A DisplayText list of one English text. */
    public static jakarta.json.JsonArray message(String text) {
        return Jsonp.JSON
                .createArrayBuilder()
                .add(Jsonp.JSON.createObjectBuilder().add("language", "en").add("text", text))
                .build();
    }
}
