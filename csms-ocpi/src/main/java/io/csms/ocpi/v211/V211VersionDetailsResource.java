package io.csms.ocpi.v211;

import io.csms.ocpi.OcpiModule;
import io.csms.ocpi.VersionDetailsResource;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.access.ModuleId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /ocpi/2.1.1}: the 2.1.1 endpoints (identifier, url) the caller may use. */
@Path("2.1.1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@OcpiModule(id = ModuleId.VERSIONS, version = OcpiVersion.V2_1_1, openData = true)
public class V211VersionDetailsResource extends VersionDetailsResource {}
