package io.csms.ocpi.v211.tariffs;

import io.csms.ocpi.OcpiModule;
import io.csms.ocpi.TariffsSender;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.access.ModuleId;
import io.csms.tariff.TariffData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /ocpi/2.1.1/tariffs}: OCPI 2.1.1 Tariffs, CPO interface, in 2.1.1 shapes ({@link V211Tariffs}). */
@Path("2.1.1/tariffs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@OcpiModule(id = ModuleId.TARIFFS, version = OcpiVersion.V2_1_1, path = "tariffs", openData = true)
public class V211TariffsResource extends TariffsSender {

    @Override
    protected JsonObject tariff(TariffData tariff) {
        return V211Tariffs.tariff(tariff);
    }
}
