package io.csms.web.api.admin;

import io.csms.location.Location;
import io.csms.location.LocationJson;
import io.csms.location.Locations;
import io.csms.web.api.Caller;
import io.csms.web.api.OpenApiResource;
import io.csms.web.api.Problems;
import io.csms.web.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /csms/api/admin/locations}: the operator's sites as OCPI 2.2.1 Location objects (snake_case,
 * as in the spec), each EVSE naming its OCPP charger connector in {@code "ocpp": {"charge_point_id":
 * ..., "connector_id": ...}}. {@code country_code}, {@code party_id}, the {@code last_updated}
 * fields and EVSE {@code status} are ours: they may be left out and are ignored when sent.
 */
@Path("admin/locations")
@RequestScoped
@RolesAllowed({Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Operator: locations", description = "Sites and their EVSEs, published to roaming partners (role admin)")
@SecurityRequirement(name = OpenApiResource.BEARER)
@APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
public class LocationsResource {

    @Inject
    Locations locations;

    @Inject
    Caller caller;

    /** Who receives a location: every partner (ALL, the default), the partners listed (LISTED), or none (NONE). */
    public record Visibility(@NotNull Location.Visibility to, Set<Long> partners) {}

    @Operation(summary = "List locations, in id order")
    @APIResponse(responseCode = "200", description = "A page of OCPI 2.2.1 Location objects with our EVSE extension")
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @GET
    public String list(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return LocationJson.write(locations.list(offset, limit));
    }

    @Operation(summary = "One location")
    @APIResponse(responseCode = "200", description = "The OCPI 2.2.1 Location with our EVSE extension")
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return locations
                .find(id)
                .map(l -> Response.ok(LocationJson.write(l)).build())
                .orElseGet(() -> Problems.response(Response.Status.NOT_FOUND, "unknown-location", "No location " + id)
                        .build());
    }

    @Operation(
            summary = "Describe a location (create or replace): its fields, EVSEs and connectors;"
                    + " EVSEs left out become REMOVED")
    @RequestBody(
            description = "An OCPI 2.2.1 Location; each EVSE with \"ocpp\": {\"charge_point_id\", \"connector_id\"}",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description = "OCPI 2.2.1 Location (module Locations, §8.3.1), snake_case",
                                            requiredProperties = {
                                                "publish",
                                                "address",
                                                "city",
                                                "country",
                                                "coordinates",
                                                "time_zone"
                                            },
                                            properties = {
                                                @SchemaProperty(name = "publish", type = SchemaType.BOOLEAN),
                                                @SchemaProperty(
                                                        name = "name",
                                                        type = SchemaType.STRING,
                                                        maxLength = 255),
                                                @SchemaProperty(
                                                        name = "address",
                                                        type = SchemaType.STRING,
                                                        maxLength = 45),
                                                @SchemaProperty(
                                                        name = "city",
                                                        type = SchemaType.STRING,
                                                        maxLength = 45),
                                                @SchemaProperty(
                                                        name = "postal_code",
                                                        type = SchemaType.STRING,
                                                        maxLength = 10),
                                                @SchemaProperty(
                                                        name = "country",
                                                        type = SchemaType.STRING,
                                                        pattern = "[A-Z]{3}"),
                                                @SchemaProperty(
                                                        name = "coordinates",
                                                        type = SchemaType.OBJECT,
                                                        description = "{latitude, longitude} as decimal strings"),
                                                @SchemaProperty(name = "parking_type", type = SchemaType.STRING),
                                                @SchemaProperty(
                                                        name = "evses",
                                                        type = SchemaType.ARRAY,
                                                        description = "OCPI EVSEs, each with \"ocpp\":"
                                                                + " {\"charge_point_id\", \"connector_id\"}"),
                                                @SchemaProperty(name = "time_zone", type = SchemaType.STRING),
                                                @SchemaProperty(name = "opening_times", type = SchemaType.OBJECT),
                                                @SchemaProperty(name = "facilities", type = SchemaType.ARRAY),
                                                @SchemaProperty(name = "operator", type = SchemaType.OBJECT),
                                                @SchemaProperty(name = "energy_mix", type = SchemaType.OBJECT)
                                            })))
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @PUT
    @Path("{id}")
    public Response put(@PathParam("id") String id, String body) {
        Locations.Saved saved = locations.put(id, body, caller.name(), caller.address());
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(LocationJson.write(saved.location()))
                .build();
    }

    @Operation(summary = "Who receives a location")
    @APIResponse(responseCode = "200", description = "Its visibility")
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}/visibility")
    public Response visibility(@PathParam("id") String id) {
        return locations
                .entity(id)
                .map(l -> Response.ok(new Visibility(l.visibility(), l.partners()))
                        .build())
                .orElseGet(() -> Problems.response(Response.Status.NOT_FOUND, "unknown-location", "No location " + id)
                        .build());
    }

    @Operation(summary = "Set who receives a location: ALL partners (also later ones), LISTED ones, or NONE")
    @APIResponse(responseCode = "200", description = "Its visibility")
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @PUT
    @Path("{id}/visibility")
    public Visibility setVisibility(@PathParam("id") String id, @Valid @NotNull Visibility visibility) {
        locations.visibleTo(id, visibility.to(), visibility.partners(), caller.name(), caller.address());
        Location location = locations.entity(id).orElseThrow();
        return new Visibility(location.visibility(), location.partners());
    }

    @Operation(summary = "Delete a location: partners are told its EVSEs are REMOVED")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        locations.delete(id, caller.name(), caller.address());
        return Response.noContent().build();
    }
}
