package io.csms.ocpi;

import io.csms.location.LocationData;
import io.csms.location.LocationJson;
import io.csms.location.Locations;
import io.csms.platform.Jsonp;
import io.csms.roaming.access.PartnerPrincipal;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;

/**
 * {@code GET .../locations[/{location_id}[/{evse_uid}[/{connector_id}]]]}, the Locations Sender
 * interface of every version: the locations published to the caller, paginated by
 * {@code last_updated}; an unknown or hidden object is 404 with status 2003. Anonymous callers see
 * published locations when the operator opened the open data. A version's subclass names its path
 * and {@link OcpiModule} and maps the model (OCPI 2.2.1 fields) to its objects.
 */
public abstract class LocationsSender {

    /** Locations per page at most (OCPI lets the server cap the client's limit). */
    static final int MAX_LIMIT = 100;

    @Inject
    Locations locations;

    @Inject
    OcpiCaller caller;

    @Inject
    BaseUrl baseUrl;

    @Context
    UriInfo uriInfo;

    /** The version's Location object. */
    protected abstract JsonObject location(LocationData location);

    /** The version's EVSE object, from the 2.2.1 one; empty when the version cannot express it. */
    protected abstract java.util.Optional<JsonObject> evse(JsonObject v221);

    /** The version's Connector object, from the 2.2.1 one; empty when the version cannot express it. */
    protected abstract java.util.Optional<JsonObject> connector(JsonObject v221);

    @GET
    public Response list() {
        return Paging.list(uriInfo, baseUrl, getClass(), MAX_LIMIT, (from, to, offset, limit) -> {
            Locations.Page page = locations.published(partner(), from, to, offset, limit);
            return new Paging.Listed(
                    page.locations().stream().map(l -> (JsonValue) location(l)).toList(), page.total());
        });
    }

    @GET
    @Path("{location_id}")
    public OcpiResponse<JsonValue> one(@PathParam("location_id") String id) {
        return OcpiResponse.success(location(published(id)));
    }

    @GET
    @Path("{location_id}/{evse_uid}")
    public OcpiResponse<JsonValue> evse(@PathParam("location_id") String id, @PathParam("evse_uid") String uid) {
        return OcpiResponse.success(evse(json(evseOf(published(id), uid)))
                .orElseThrow(() -> unknown("EVSE " + uid + " has no connector this OCPI version can name")));
    }

    @GET
    @Path("{location_id}/{evse_uid}/{connector_id}")
    public OcpiResponse<JsonValue> connector(
            @PathParam("location_id") String id,
            @PathParam("evse_uid") String uid,
            @PathParam("connector_id") String connectorId) {
        return OcpiResponse.success(connector(json(evseOf(published(id), uid).connectors().stream()
                        .filter(c -> c.id().equals(connectorId))
                        .findFirst()
                        .orElseThrow(() -> unknown("No connector " + connectorId + " at EVSE " + uid))))
                .orElseThrow(() -> unknown("Connector " + connectorId + " is of a standard this OCPI version lacks")));
    }

    private LocationData published(String id) {
        return locations.pulled(partner(), id).orElseThrow(() -> unknown("No location " + id));
    }

    private static LocationData.Evse evseOf(LocationData location, String uid) {
        return location.evses().stream()
                .filter(e -> e.uid().equals(uid))
                .findFirst()
                .orElseThrow(() -> unknown("No EVSE " + uid + " at location " + location.id()));
    }

    private Long partner() {
        return caller.partner().map(PartnerPrincipal::partnerId).orElse(null);
    }

    /** The model object as OCPI 2.2.1 JSON. */
    public static JsonObject json(Object model) {
        try (var reader = Jsonp.JSON.createReader(new StringReader(LocationJson.write(model)))) {
            return reader.readObject();
        }
    }

    private static OcpiException unknown(String message) {
        return new OcpiException(404, OcpiStatus.UNKNOWN_LOCATION, message);
    }
}
