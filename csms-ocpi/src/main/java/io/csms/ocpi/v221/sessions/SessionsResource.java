package io.csms.ocpi.v221.sessions;

import io.csms.ocpi.OcpiJson;
import io.csms.ocpi.OcpiModule;
import io.csms.ocpi.OcpiResponse;
import io.csms.ocpi.SessionsSender;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.access.InterfaceRole;
import io.csms.roaming.access.ModuleId;
import io.csms.roaming.sessions.SessionData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /ocpi/2.2.1/sessions}: OCPI 2.2.1 Sessions, Sender. Charging preferences are answered
 * NOT_POSSIBLE: no charger here takes them (OCPP 1.6 has no way to pass them on).
 */
@Path("2.2.1/sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@OcpiModule(id = ModuleId.SESSIONS, version = OcpiVersion.V2_2_1, roles = InterfaceRole.SENDER, path = "sessions")
public class SessionsResource extends SessionsSender {

    @Override
    protected JsonObject session(SessionData session) {
        return V221Sessions.session(session);
    }

    @PUT
    @Path("{session_id}/charging_preferences")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public OcpiResponse<String> chargingPreferences(@PathParam("session_id") String id, String body) {
        OcpiJson.readObject(body);
        own(id);
        return OcpiResponse.success("NOT_POSSIBLE");
    }
}
