package io.csms.web.api.driver;

import io.csms.chargepoint.Charger;
import io.csms.chargepoint.Chargers;
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

/** {@code /csms/api/chargers}: the chargers a driver can use, with their connectors' status and whether online. */
@Path("chargers")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
public class DriverChargersResource {

    @Inject
    Chargers chargers;

    public record ConnectorView(int connectorId, String status, Instant statusAt) {}

    /** What a driver may know of a charger: no security settings, no hardware identifiers. */
    public record ChargerView(String id, String vendor, String model, boolean online, List<ConnectorView> connectors) {}

    @GET
    public List<ChargerView> list(@QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return chargers.usable(offset, limit).stream().map(DriverChargersResource::view).toList();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return chargers.usable(id).map(c -> Response.ok(view(c)).build())
                .orElseGet(() -> Problems.response(Response.Status.NOT_FOUND, "unknown-charger", "No charger " + id).build());
    }

    private static ChargerView view(Chargers.Usable usable) {
        Charger charger = usable.charger();
        return new ChargerView(charger.id(), charger.vendor(), charger.model(), charger.online(), usable.connectors().stream()
                .map(c -> new ConnectorView(c.connectorId(), c.status(), c.statusAt())).toList());
    }
}
