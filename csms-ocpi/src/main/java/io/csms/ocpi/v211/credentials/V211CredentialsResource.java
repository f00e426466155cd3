package io.csms.ocpi.v211.credentials;

import io.csms.ocpi.CredentialsResource;
import io.csms.ocpi.OcpiModule;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.access.ModuleId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /ocpi/2.1.1/credentials} (see {@link CredentialsResource}). */
@Path("2.1.1/credentials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@OcpiModule(id = ModuleId.CREDENTIALS, version = OcpiVersion.V2_1_1, path = "credentials")
public class V211CredentialsResource extends CredentialsResource {}
