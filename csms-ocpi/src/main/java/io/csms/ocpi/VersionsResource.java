package io.csms.ocpi;

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
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code GET /ocpi/versions}: the OCPI versions this CPO speaks and where their details are. */
@Path("versions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VersionsResource {

    /** OCPI 2.2.1 Version object. */
    public record Version(String version, @JsonbProperty("url") String url) {}

    /** Public base URL of the OCPI context as partners see it (behind a proxy it differs from the request's). */
    @Inject
    @ConfigProperty(name = "csms.ocpi.base-url")
    Optional<String> configuredBaseUrl;

    @Context
    UriInfo uriInfo;

    @GET
    public OcpiResponse<List<Version>> versions() {
        String base = configuredBaseUrl.map(url -> url.replaceAll("/+$", ""))
                .orElseGet(() -> uriInfo.getBaseUri().toString().replaceAll("/+$", ""));
        return OcpiResponse.success(List.of(new Version("2.2.1", base + "/2.2.1")));
    }
}
