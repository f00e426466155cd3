package io.csms.ocpi.v221;

import io.csms.ocpi.OcpiModule;
import io.csms.ocpi.VersionDetailsResource;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.access.ModuleId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /ocpi/2.2.1}: the 2.2.1 endpoints (identifier, role, url) the caller may use. */
@Path("2.2.1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@OcpiModule(id = ModuleId.VERSIONS, version = OcpiVersion.V2_2_1, openData = true)
public class V221VersionDetailsResource extends VersionDetailsResource {}
