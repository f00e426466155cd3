package io.csms.web.api.admin;

import io.csms.chargepoint.Chargers;
import io.csms.charging.ChargerCommands;
import io.csms.ocpp.session.CallOutcome;
import io.csms.ocpp.v16.PayloadViolation;
import io.csms.remotecontrol.RemoteCommands;
import io.csms.web.api.Caller;
import io.csms.web.api.OpenApiResource;
import io.csms.web.api.Problems;
import io.csms.web.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /csms/api/admin/chargers/{id}/operations/{Action}}: any CSMS-initiated OCPP 1.6 operation,
 * with the OCPP request as body; answers with the charger's response, or a problem saying why not
 * (400 invalid payload, 404 unknown charger or operation, 502 CALLERROR, 503 offline, 504 timeout).
 */
@Path("admin/chargers/{id}/operations/{action}")
@RequestScoped
@RolesAllowed({Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Operator: OCPP operations", description = "Any CSMS-initiated OCPP 1.6 operation (role admin)")
@SecurityRequirement(name = OpenApiResource.BEARER)
@APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
public class OperationsResource {

    @Inject
    ChargerCommands chargerCommands;

    @Inject
    Chargers chargers;

    @Inject
    Caller caller;

    @Operation(summary = "Send an OCPP 1.6 request (the body) to a charger and return its answer")
    @APIResponse(
            responseCode = "200",
            description = "The charger's answer (the OCPP confirmation payload)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JsonObject.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "502", ref = Problems.CHARGER_ERROR)
    @APIResponse(responseCode = "503", ref = Problems.CHARGER_OFFLINE)
    @APIResponse(responseCode = "504", ref = Problems.CHARGER_TIMEOUT)
    @POST
    public CompletionStage<Response> invoke(
            @PathParam("id") String chargerId, @PathParam("action") String action, JsonObject payload) {
        if (!RemoteCommands.isOperation(action)) {
            return done(Problems.response(
                            Response.Status.NOT_FOUND,
                            "unknown-operation",
                            action + " is not a CSMS-initiated OCPP 1.6 operation")
                    .build());
        }
        if (chargers.find(chargerId).isEmpty()) {
            return done(Problems.response(Response.Status.NOT_FOUND, "unknown-charger", "No charger " + chargerId)
                    .build());
        }
        JsonObject body = payload == null ? JsonObject.EMPTY_JSON_OBJECT : payload;
        try {
            // starts, stops, reservations and unlocks are tracked like drivers' and partners'
            return chargerCommands
                    .forOperator(chargerId, action, body, caller.name(), caller.address())
                    .thenApply(OperationsResource::response);
        } catch (PayloadViolation e) {
            return done(Problems.response(
                            Response.Status.BAD_REQUEST, "invalid-ocpp-payload", e.code() + ": " + e.getMessage())
                    .build());
        }
    }

    private static Response response(CallOutcome outcome) {
        if (outcome instanceof CallOutcome.Answered answered) {
            return Response.ok(answered.payload()).build();
        }
        if (outcome instanceof CallOutcome.Refused refused) {
            return Problems.response(
                            Response.Status.BAD_GATEWAY,
                            "charger-callerror",
                            "The charger answered " + refused.code() + ": " + refused.description())
                    .build();
        }
        if (outcome instanceof CallOutcome.Offline offline) {
            return Problems.response(Response.Status.SERVICE_UNAVAILABLE, "charger-offline", offline.reason())
                    .build();
        }
        return Problems.response(
                        Response.Status.GATEWAY_TIMEOUT,
                        "charger-timeout",
                        "No answer within " + ((CallOutcome.Timeout) outcome).seconds() + " s")
                .build();
    }

    private static CompletionStage<Response> done(Response response) {
        return CompletableFuture.completedFuture(response);
    }
}
