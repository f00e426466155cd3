package io.csms.web.api.driver;

import io.csms.charging.DriverCommands;
import io.csms.charging.RemoteCommand;
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

/**
 * {@code GET /csms/api/commands/{id}}: what became of a start or stop: Accepted and waiting, Started
 * (with the session's {@code transactionId}), NeverStarted, Rejected, Offline, Timeout, Failed, Stopped.
 */
@Path("commands")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
public class CommandsResource {

    @Inject
    DriverCommands commands;

    @Inject
    Caller caller;

    public record CommandView(UUID commandId, String kind, String status, String chargePointId, Integer connectorId,
            Integer transactionId, String detail, Instant createdAt, Instant updatedAt) {

        static CommandView of(RemoteCommand c) {
            return new CommandView(c.id(), c.kind().name(), c.state().name(), c.chargerId(), c.connectorId(),
                    c.transactionId(), c.detail(), c.createdAt(), c.updatedAt());
        }
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return parse(id).flatMap(uuid -> commands.find(caller.accountId(), uuid))
                .map(c -> Response.ok(CommandView.of(c)).build())
                .orElseGet(() -> Problems.response(Response.Status.NOT_FOUND, "unknown-command", "No such command").build());
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
