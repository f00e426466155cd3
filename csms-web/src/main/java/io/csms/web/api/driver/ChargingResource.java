package io.csms.web.api.driver;

import io.csms.authorization.IdTags;
import io.csms.charging.ChargerQr;
import io.csms.charging.DriverCharging;
import io.csms.charging.RemoteCommand;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /csms/api/charging}: start charging with the driver's id tag (RemoteStartTransaction), by
 * charger and connector or by the QR code on the charger, and stop one of the driver's sessions
 * (RemoteStopTransaction). The answer carries the command id to follow at {@code /csms/api/commands/{id}}.
 */
@Path("charging")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Charging", description = "Remote start and stop with the driver's id tag")
@SecurityRequirement(name = OpenApiResource.BEARER)
@APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
public class ChargingResource {

    @Inject
    DriverCharging charging;

    @Inject
    Caller caller;

    /** Either {@code chargePointId} and {@code connectorId}, or {@code qr}; {@code idTag} defaults to the app tag. */
    public record StartRequest(
            @Size(max = 48) String chargePointId,
            @Min(1) @Max(999) Integer connectorId,
            @Size(max = 200) String qr,

            @Pattern(regexp = IdTags.ID_TOKEN, message = IdTags.ID_TOKEN_RULE)
            String idTag) {}

    public record StopRequest(@NotNull Integer transactionId) {}

    /** The charger's answer to the command: Accepted, Rejected or Timeout (Offline and Failed are problems). */
    public record CommandAnswer(String status, UUID commandId, URI command) {}

    /** A problem about a command that was recorded: where to follow it. */
    public record CommandProblem(
            URI type, String title, int status, String detail, UUID commandId, String commandStatus) {}

    @Operation(summary = "Start charging (RemoteStartTransaction), by charger and connector or by QR code")
    @APIResponse(
            responseCode = "202",
            description =
                    "The charger accepted (or did not answer in time); follow the command until its session starts",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommandAnswer.class)))
    @APIResponse(
            responseCode = "200",
            description = "The charger rejected the start",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommandAnswer.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @APIResponse(responseCode = "502", ref = Problems.CHARGER_ERROR)
    @APIResponse(responseCode = "503", ref = Problems.CHARGER_OFFLINE)
    @POST
    @Path("start")
    public CompletionStage<Response> start(@Valid @NotNull StartRequest request) {
        String chargerId;
        int connectorId;
        if (request.qr() != null) {
            if (request.chargePointId() != null || request.connectorId() != null) {
                throw badRequest("invalid-start", "Give either qr, or chargePointId and connectorId, not both");
            }
            ChargerQr qr = ChargerQr.parse(request.qr())
                    .orElseThrow(() ->
                            badRequest("invalid-qr", "Not a charger QR code (ocpp://<chargePointId>?connector=<n>)"));
            chargerId = qr.chargerId();
            connectorId = qr.connectorId();
        } else {
            if (request.chargePointId() == null || request.connectorId() == null) {
                throw badRequest("invalid-start", "chargePointId and connectorId (or qr) are required");
            }
            chargerId = request.chargePointId();
            connectorId = request.connectorId();
        }
        return charging.start(caller.accountId(), chargerId, connectorId, request.idTag(), caller.address())
                .thenApply(ChargingResource::response);
    }

    @Operation(summary = "Stop one of the driver's sessions (RemoteStopTransaction)")
    @APIResponse(
            responseCode = "202",
            description = "The charger accepted (or did not answer in time)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommandAnswer.class)))
    @APIResponse(
            responseCode = "200",
            description = "The charger rejected the stop",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommandAnswer.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @APIResponse(responseCode = "502", ref = Problems.CHARGER_ERROR)
    @APIResponse(responseCode = "503", ref = Problems.CHARGER_OFFLINE)
    @POST
    @Path("stop")
    public CompletionStage<Response> stop(@Valid @NotNull StopRequest request) {
        return charging.stop(caller.accountId(), request.transactionId(), caller.address())
                .thenApply(ChargingResource::response);
    }

    private static Response response(DriverCharging.Sent sent) {
        URI command = URI.create("/csms/api/commands/" + sent.commandId());
        RemoteCommand.State answer = sent.answer();
        switch (answer) {
            case Offline:
                return problem(Response.Status.SERVICE_UNAVAILABLE, "charger-offline", sent);
            case Failed:
            case NotSupported:
                return problem(Response.Status.BAD_GATEWAY, "charger-callerror", sent);
            case Accepted:
            case Timeout:
                // accepted, or perhaps received: the command goes on being followed
                return Response.accepted(new CommandAnswer(answer.name(), sent.commandId(), command))
                        .location(command)
                        .build();
            default:
                return Response.ok(new CommandAnswer(answer.name(), sent.commandId(), command))
                        .location(command)
                        .build();
        }
    }

    private static Response problem(Response.Status status, String type, DriverCharging.Sent sent) {
        return Response.status(status)
                .type(Problems.MEDIA_TYPE)
                .entity(new CommandProblem(
                        Problems.type(type),
                        status.getReasonPhrase(),
                        status.getStatusCode(),
                        sent.detail(),
                        sent.commandId(),
                        sent.answer().name()))
                .build();
    }

    private static jakarta.ws.rs.WebApplicationException badRequest(String type, String detail) {
        return new jakarta.ws.rs.BadRequestException(
                Problems.response(Response.Status.BAD_REQUEST, type, detail).build());
    }
}
