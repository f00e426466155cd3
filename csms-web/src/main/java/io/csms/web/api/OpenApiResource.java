package io.csms.web.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /csms/api/openapi}: this API's OpenAPI 3 document, YAML by default, JSON for
 * {@code Accept: application/json} or {@code ?format=json}. The document is generated from the
 * MicroProfile OpenAPI annotations when csms-web is built, so it is the same on every server.
 */
@Path("openapi")
@ApplicationScoped
@PermitAll
public class OpenApiResource {

    /** The name of the bearer-token security scheme in the document. */
    public static final String BEARER = "bearer";

    static final String YAML = "application/yaml";

    private final byte[] yaml = load("csms-api.yaml");
    private final byte[] json = load("csms-api.json");

    @GET
    @Produces(YAML + ";qs=1")
    @Operation(hidden = true)
    public Response yaml(@QueryParam("format") String format) {
        return "json".equalsIgnoreCase(format) ? document(json, "application/json") : document(yaml, YAML);
    }

    @GET
    @Produces("application/json;qs=0.5")
    @Operation(hidden = true)
    public Response json() {
        return document(json, "application/json");
    }

    private static Response document(byte[] body, String type) {
        return Response.ok(body, type)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .build();
    }

    private static byte[] load(String name) {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The OpenAPI document was not built into this archive: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
