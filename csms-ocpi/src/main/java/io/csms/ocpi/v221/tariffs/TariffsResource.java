package io.csms.ocpi.v221.tariffs;

import io.csms.ocpi.LocationsSender;
import io.csms.ocpi.OcpiModule;
import io.csms.ocpi.TariffsSender;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.access.InterfaceRole;
import io.csms.roaming.access.ModuleId;
import io.csms.tariff.TariffData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /ocpi/2.2.1/tariffs}: OCPI 2.2.1 Tariffs, Sender; the model's own fields. */
@Path("2.2.1/tariffs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@OcpiModule(
        id = ModuleId.TARIFFS,
        version = OcpiVersion.V2_2_1,
        roles = InterfaceRole.SENDER,
        path = "tariffs",
        openData = true)
public class TariffsResource extends TariffsSender {

    @Override
    protected JsonObject tariff(TariffData tariff) {
        return LocationsSender.json(tariff);
    }
}
