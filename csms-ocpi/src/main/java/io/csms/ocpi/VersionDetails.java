package io.csms.ocpi;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The version details object of one version: the endpoints the caller may use (see {@link OcpiModules}). */
public final class VersionDetails {

    private VersionDetails() {}

    public static OcpiResponse<JsonObject> of(String version, String base, OcpiCaller caller) {
        JsonArrayBuilder endpoints = Json.createArrayBuilder();
        for (OcpiModules.Endpoint e : OcpiModules.endpoints(version, caller.partner().orElse(null))) {
            JsonObjectBuilder endpoint = Json.createObjectBuilder().add("identifier", e.identifier());
            if (e.role() != null) {
                endpoint.add("role", e.role());
            }
            endpoints.add(endpoint.add("url", base + "/" + version + "/" + e.path()));
        }
        return OcpiResponse.success(Json.createObjectBuilder().add("version", version).add("endpoints", endpoints).build());
    }
}
