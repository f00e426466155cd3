package io.csms.web.api.driver;

import io.csms.chargepoint.Charger;
import io.csms.chargepoint.Chargers;
import io.csms.chargepoint.Presence;
import io.csms.web.api.OpenApiResource;
import io.csms.web.api.Problems;
import io.csms.web.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /csms/api/chargers}: the chargers a driver can use, with their connectors' status and whether online. */
@Path("chargers")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chargers", description = "Chargers a driver can use")
@SecurityRequirement(name = OpenApiResource.BEARER)
@APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
public class DriverChargersResource {

    @Inject
    Chargers chargers;

    @Inject
    Presence presence;

    public record ConnectorView(int connectorId, String status, Instant statusAt) {}

    /** What a driver may know of a charger: no security settings, no hardware identifiers. */
    public record ChargerView(String id, String vendor, String model, boolean online, List<ConnectorView> connectors) {}

    @Operation(summary = "Chargers in service, with connector status and whether online")
    @APIResponse(
            responseCode = "200",
            description = "A page of chargers",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ChargerView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @GET
    public List<ChargerView> list(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return chargers.usable(offset, limit).stream().map(this::view).toList();
    }

    @Operation(summary = "One charger")
    @APIResponse(
            responseCode = "200",
            description = "The charger",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChargerView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return chargers.usable(id)
                .map(c -> Response.ok(view(c)).build())
                .orElseGet(() -> Problems.response(Response.Status.NOT_FOUND, "unknown-charger", "No charger " + id)
                        .build());
    }

    private ChargerView view(Chargers.Usable usable) {
        Charger charger = usable.charger();
        return new ChargerView(
                charger.id(),
                charger.vendor(),
                charger.model(),
                presence.isConnected(charger.id()),
                usable.connectors().stream()
                        .map(c -> new ConnectorView(c.connectorId(), c.status(), c.statusAt()))
                        .toList());
    }
}
