package io.csms.ocpi.v211.locations;

import io.csms.location.LocationData;
import io.csms.ocpi.LocationsSender;
import io.csms.ocpi.OcpiModule;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.access.ModuleId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /ocpi/2.1.1/locations}: OCPI 2.1.1 Locations, CPO interface, in 2.1.1 shapes ({@link V211Locations}). */
@Path("2.1.1/locations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@OcpiModule(id = ModuleId.LOCATIONS, version = OcpiVersion.V2_1_1, path = "locations", openData = true)
public class V211LocationsResource extends LocationsSender {

    @Override
    protected JsonObject location(LocationData location) {
        return V211Locations.location(location);
    }

    @Override
    protected java.util.Optional<JsonObject> evse(JsonObject v221) {
        return V211Locations.evse(v221);
    }

    @Override
    protected java.util.Optional<JsonObject> connector(JsonObject v221) {
        return V211Locations.connector(v221);
    }
}
