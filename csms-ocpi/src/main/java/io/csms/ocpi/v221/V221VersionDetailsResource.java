package io.csms.ocpi.v221;

import io.csms.ocpi.BaseUrl;
import io.csms.ocpi.OcpiCaller;
import io.csms.ocpi.OcpiModule;
import io.csms.ocpi.OcpiResponse;
import io.csms.ocpi.VersionDetails;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** {@code GET /ocpi/2.2.1}: the 2.2.1 endpoints (identifier, role, url) the caller may use. */
@Path("2.2.1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@OcpiModule(id = OcpiModule.VERSIONS, version = "2.2.1", openData = true)
public class V221VersionDetailsResource {

    @Inject
    BaseUrl baseUrl;

    @Inject
    OcpiCaller caller;

    @Context
    UriInfo uriInfo;

    @GET
    public OcpiResponse<JsonObject> details() {
        return VersionDetails.of("2.2.1", baseUrl.base(uriInfo), caller);
    }
}
