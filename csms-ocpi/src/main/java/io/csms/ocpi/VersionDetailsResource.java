package io.csms.ocpi;

import io.csms.platform.Jsonp;
import io.csms.roaming.OcpiVersion;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /ocpi/<version>}: the version details object, the endpoints the caller may use (see
 * {@link OcpiModules}). Each version's subclass only names its path and {@link OcpiModule}.
 */
public abstract class VersionDetailsResource {

    @Inject
    BaseUrl baseUrl;

    @Inject
    OcpiCaller caller;

    @Context
    UriInfo uriInfo;

    @GET
    public OcpiResponse<JsonObject> details() {
        OcpiVersion version = OcpiModules.versionOf(OcpiModules.moduleOf(getClass()));
        String base = baseUrl.base(uriInfo);
        JsonArrayBuilder endpoints = Jsonp.JSON.createArrayBuilder();
        for (OcpiModules.Endpoint e :
                OcpiModules.endpoints(version, caller.partner().orElse(null))) {
            JsonObjectBuilder endpoint = Jsonp.JSON.createObjectBuilder().add("identifier", e.identifier());
            if (e.role() != null) {
                endpoint.add("role", e.role());
            }
            endpoints.add(endpoint.add("url", base + "/" + version.text() + "/" + e.path()));
        }
        return OcpiResponse.success(Jsonp.JSON
                .createObjectBuilder()
                .add("version", version.text())
                .add("endpoints", endpoints)
                .build());
    }
}
