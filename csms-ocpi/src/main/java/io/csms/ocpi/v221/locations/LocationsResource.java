package io.csms.ocpi.v221.locations;

import io.csms.location.LocationData;
import io.csms.ocpi.LocationsSender;
import io.csms.ocpi.OcpiModule;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.access.InterfaceRole;
import io.csms.roaming.access.ModuleId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /ocpi/2.2.1/locations}: OCPI 2.2.1 Locations, Sender; the model's own fields. */
@Path("2.2.1/locations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@OcpiModule(
        id = ModuleId.LOCATIONS,
        version = OcpiVersion.V2_2_1,
        roles = InterfaceRole.SENDER,
        path = "locations",
        openData = true)
public class LocationsResource extends LocationsSender {

    @Override
    protected JsonObject location(LocationData location) {
        return json(location);
    }

    @Override
    protected java.util.Optional<JsonObject> evse(JsonObject v221) {
        return java.util.Optional.of(v221);
    }

    @Override
    protected java.util.Optional<JsonObject> connector(JsonObject v221) {
        return java.util.Optional.of(v221);
    }
}
