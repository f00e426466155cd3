package io.csms.ocpi.v211.sessions;

import io.csms.ocpi.OcpiModule;
import io.csms.ocpi.SessionsSender;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.access.ModuleId;
import io.csms.roaming.sessions.SessionData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /ocpi/2.1.1/sessions}: OCPI 2.1.1 Sessions, CPO interface, in 2.1.1 shapes ({@link V211Sessions}). */
@Path("2.1.1/sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@OcpiModule(id = ModuleId.SESSIONS, version = OcpiVersion.V2_1_1, path = "sessions")
public class V211SessionsResource extends SessionsSender {

    @Override
    protected JsonObject session(SessionData session) {
        return V211Sessions.session(session);
    }
}
