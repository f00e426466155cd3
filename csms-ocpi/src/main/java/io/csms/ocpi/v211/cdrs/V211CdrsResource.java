package io.csms.ocpi.v211.cdrs;

import io.csms.ocpi.CdrsSender;
import io.csms.ocpi.OcpiModule;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.access.ModuleId;
import io.csms.roaming.cdrs.CdrData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /ocpi/2.1.1/cdrs}: OCPI 2.1.1 CDRs, CPO interface, in 2.1.1 shapes ({@link V211Cdrs}). */
@Path("2.1.1/cdrs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@OcpiModule(id = ModuleId.CDRS, version = OcpiVersion.V2_1_1, path = "cdrs")
public class V211CdrsResource extends CdrsSender {

    @Override
    protected JsonObject cdr(CdrData cdr) {
        return V211Cdrs.cdr(cdr, cdrs.location(cdr));
    }
}
