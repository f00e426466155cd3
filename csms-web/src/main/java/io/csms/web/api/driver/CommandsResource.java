package io.csms.web.api.driver;

import io.csms.charging.DriverCommands;
import io.csms.charging.RemoteCommand;
import io.csms.web.api.Caller;
import io.csms.web.api.OpenApiResource;
import io.csms.web.api.Problems;
import io.csms.web.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /csms/api/commands/{id}}: what became of a start or stop: Accepted and waiting, Started
 * (with the session's {@code transactionId}), NeverStarted, Rejected, Offline, Timeout, Failed, Stopped.
 */
@Path("commands")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Charging", description = "Remote start and stop with the driver's id tag")
@SecurityRequirement(name = OpenApiResource.BEARER)
@APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
public class CommandsResource {

    @Inject
    DriverCommands commands;

    @Inject
    Caller caller;

    public record CommandView(
            UUID commandId,
            String kind,
            String status,
            String chargePointId,
            Integer connectorId,
            Integer transactionId,
            String detail,
            Instant createdAt,
            Instant updatedAt) {

        static CommandView of(RemoteCommand c) {
            return new CommandView(
                    c.id(),
                    c.kind().name(),
                    c.state().name(),
                    c.chargerId(),
                    c.connectorId(),
                    c.transactionId(),
                    c.detail(),
                    c.createdAt(),
                    c.updatedAt());
        }
    }

    @Operation(summary = "What became of a start or stop command")
    @APIResponse(
            responseCode = "200",
            description = "The command",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommandView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return parse(id)
                .flatMap(uuid -> commands.find(caller.accountId(), uuid))
                .map(c -> Response.ok(CommandView.of(c)).build())
                .orElseGet(() -> Problems.response(Response.Status.NOT_FOUND, "unknown-command", "No such command")
                        .build());
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
