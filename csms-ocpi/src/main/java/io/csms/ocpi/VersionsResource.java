package io.csms.ocpi;

import io.csms.roaming.access.ModuleId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** {@code GET /ocpi/versions}: the OCPI versions the caller may use here, and where their details are. */
@Path("versions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@OcpiModule(id = ModuleId.VERSIONS, openData = true)
public class VersionsResource {

    /** OCPI Version object. */
    public record Version(
            String version, @JsonbProperty("url") String url) {}

    @Inject
    BaseUrl baseUrl;

    @Inject
    OcpiCaller caller;

    @Context
    UriInfo uriInfo;

    @GET
    public OcpiResponse<List<Version>> versions() {
        String base = baseUrl.base(uriInfo);
        List<String> allowed = caller.partner().map(p -> p.versions()).orElse(OcpiModules.VERSIONS);
        return OcpiResponse.success(OcpiModules.VERSIONS.stream()
                .filter(allowed::contains)
                .map(v -> new Version(v, base + "/" + v))
                .toList());
    }
}
