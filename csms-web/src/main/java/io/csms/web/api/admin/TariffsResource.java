package io.csms.web.api.admin;

import io.csms.location.LocationJson;
import io.csms.tariff.Tariffs;
import io.csms.web.api.Caller;
import io.csms.web.api.OpenApiResource;
import io.csms.web.api.Problems;
import io.csms.web.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * {@code /csms/api/admin/tariffs}: the operator's tariffs as OCPI 2.2.1 Tariff objects (snake_case,
 * as in the spec). {@code country_code}, {@code party_id} and {@code last_updated} are ours: they
 * may be left out and are ignored when sent. Connectors name tariffs in their {@code tariff_ids}.
 */
@Path("admin/tariffs")
@RequestScoped
@RolesAllowed({Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Operator: tariffs", description = "Tariffs published to roaming partners (role admin)")
@SecurityRequirement(name = OpenApiResource.BEARER)
@APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
public class TariffsResource {

    @Inject
    Tariffs tariffs;

    @Inject
    Caller caller;

    @Operation(summary = "List tariffs, in id order")
    @APIResponse(responseCode = "200", description = "A page of OCPI 2.2.1 Tariff objects")
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @GET
    public String list(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return LocationJson.write(tariffs.list(offset, limit));
    }

    @Operation(summary = "One tariff")
    @APIResponse(responseCode = "200", description = "The OCPI 2.2.1 Tariff")
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return tariffs.find(id)
                .map(t -> Response.ok(LocationJson.write(t)).build())
                .orElseGet(() -> Problems.response(Response.Status.NOT_FOUND, "unknown-tariff", "No tariff " + id)
                        .build());
    }

    @Operation(summary = "Describe a tariff (create or replace); partners are told")
    @RequestBody(
            description = "An OCPI 2.2.1 Tariff",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description = "OCPI 2.2.1 Tariff (module Tariffs, §11.3.1), snake_case",
                                            requiredProperties = {"currency", "elements"},
                                            properties = {
                                                @SchemaProperty(
                                                        name = "currency",
                                                        type = SchemaType.STRING,
                                                        pattern = "[A-Z]{3}"),
                                                @SchemaProperty(name = "type", type = SchemaType.STRING),
                                                @SchemaProperty(name = "tariff_alt_text", type = SchemaType.ARRAY),
                                                @SchemaProperty(name = "tariff_alt_url", type = SchemaType.STRING),
                                                @SchemaProperty(name = "min_price", type = SchemaType.OBJECT),
                                                @SchemaProperty(name = "max_price", type = SchemaType.OBJECT),
                                                @SchemaProperty(
                                                        name = "elements",
                                                        type = SchemaType.ARRAY,
                                                        description = "price_components (type, price, vat, step_size)"
                                                                + " and restrictions"),
                                                @SchemaProperty(name = "start_date_time", type = SchemaType.STRING),
                                                @SchemaProperty(name = "end_date_time", type = SchemaType.STRING),
                                                @SchemaProperty(name = "energy_mix", type = SchemaType.OBJECT)
                                            })))
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @PUT
    @Path("{id}")
    public Response put(@PathParam("id") String id, String body) {
        Tariffs.Saved saved = tariffs.put(id, body, caller.name(), caller.address());
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(LocationJson.write(saved.tariff()))
                .build();
    }

    @Operation(summary = "Delete a tariff: partners are told (DELETE); refused while a connector names it")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        tariffs.delete(id, caller.name(), caller.address());
        return Response.noContent().build();
    }
}
