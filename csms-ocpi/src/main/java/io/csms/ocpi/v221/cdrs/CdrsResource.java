package io.csms.ocpi.v221.cdrs;

import io.csms.ocpi.CdrsSender;
import io.csms.ocpi.OcpiModule;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.access.InterfaceRole;
import io.csms.roaming.access.ModuleId;
import io.csms.roaming.cdrs.CdrData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /ocpi/2.2.1/cdrs}: OCPI 2.2.1 CDRs, Sender; the model's own fields. */
@Path("2.2.1/cdrs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@OcpiModule(id = ModuleId.CDRS, version = OcpiVersion.V2_2_1, roles = InterfaceRole.SENDER, path = "cdrs")
public class CdrsResource extends CdrsSender {

    @Override
    protected JsonObject cdr(CdrData cdr) {
        return V221Cdrs.cdr(cdr);
    }
}
