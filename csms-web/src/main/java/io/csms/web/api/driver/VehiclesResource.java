package io.csms.web.api.driver;

import io.csms.account.Vehicle;
import io.csms.account.VehicleDetails;
import io.csms.account.Vehicles;
import io.csms.web.api.Caller;
import io.csms.web.api.OpenApiResource;
import io.csms.web.api.Problems;
import io.csms.web.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /csms/api/me/vehicles}: the caller's vehicles. Another account's vehicle is "not found". */
@Path("me/vehicles")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Vehicles", description = "The caller's vehicles")
@SecurityRequirement(name = OpenApiResource.BEARER)
@APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
public class VehiclesResource {

    @Inject
    Vehicles vehicles;

    @Inject
    Caller caller;

    public record VehicleView(
            long id, String label, String make, String model, String licensePlate, BigDecimal batteryKwh) {

        static VehicleView of(Vehicle v) {
            VehicleDetails d = v.details();
            return new VehicleView(v.id(), d.label(), d.make(), d.model(), d.licensePlate(), d.batteryKwh());
        }
    }

    @Operation(summary = "List the vehicles")
    @APIResponse(
            responseCode = "200",
            description = "The vehicles",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = VehicleView.class)))
    @GET
    public List<VehicleView> list() {
        return vehicles.list(caller.accountId()).stream().map(VehicleView::of).toList();
    }

    @Operation(summary = "Add a vehicle")
    @APIResponse(
            responseCode = "201",
            description = "The vehicle",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VehicleView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @POST
    public Response add(@Valid @NotNull VehicleDetails details) {
        Vehicle vehicle = vehicles.add(caller.accountId(), details);
        return Response.created(
                        UriBuilder.fromPath("/csms/api/me/vehicles/{id}").build(vehicle.id()))
                .entity(VehicleView.of(vehicle))
                .build();
    }

    @Operation(summary = "One vehicle")
    @APIResponse(
            responseCode = "200",
            description = "The vehicle",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VehicleView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return vehicles.find(caller.accountId(), id)
                .map(v -> Response.ok(VehicleView.of(v)).build())
                .orElseGet(VehiclesResource::notFound);
    }

    @Operation(summary = "Change a vehicle")
    @APIResponse(
            responseCode = "200",
            description = "The vehicle",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VehicleView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @PUT
    @Path("{id}")
    public Response update(@PathParam("id") long id, @Valid @NotNull VehicleDetails details) {
        return vehicles.update(caller.accountId(), id, details)
                .map(v -> Response.ok(VehicleView.of(v)).build())
                .orElseGet(VehiclesResource::notFound);
    }

    @Operation(summary = "Remove a vehicle")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id) {
        return vehicles.remove(caller.accountId(), id) ? Response.noContent().build() : notFound();
    }

    private static Response notFound() {
        return Problems.response(Response.Status.NOT_FOUND, "unknown-vehicle", "No such vehicle")
                .build();
    }
}
