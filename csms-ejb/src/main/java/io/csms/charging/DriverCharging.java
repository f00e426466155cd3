package io.csms.charging;

import io.csms.ocpp.session.CallOutcome;
import io.csms.ocpp.session.ChargerConnections;
import io.csms.platform.Jsonp;
import io.csms.remotecontrol.RemoteCommands;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Remote start and stop on a driver's behalf, through the same {@link RemoteCommands} service the
 * operator API uses. The command is stored before it is sent; the answer is stored when it comes.
 */
@ApplicationScoped
public class DriverCharging {

    @Inject
    DriverCommands commands;

    @Inject
    RemoteCommands remote;

    @Inject
    ChargerConnections connections;

    @Resource
    ManagedExecutorService executor;

    /** The charger's answer to a start or stop (Accepted, Rejected, Offline, Timeout or Failed) and the command. */
    public record Sent(RemoteCommand.State answer, UUID commandId, String detail) {}

    public CompletionStage<Sent> start(
            long accountId, String chargerId, int connectorId, String idTag, String clientAddress) {
        DriverCommands.Prepared prepared =
                commands.prepareStart(accountId, chargerId, connectorId, idTag, clientAddress);
        JsonObject payload = Jsonp.JSON
                .createObjectBuilder()
                .add("connectorId", connectorId)
                .add("idTag", prepared.idTag())
                .build();
        return send(prepared.command(), "RemoteStartTransaction", payload);
    }

    public CompletionStage<Sent> stop(long accountId, int transactionId, String clientAddress) {
        RemoteCommand command = commands.prepareStop(accountId, transactionId, clientAddress);
        return send(
                command,
                "RemoteStopTransaction",
                Jsonp.JSON
                        .createObjectBuilder()
                        .add("transactionId", transactionId)
                        .build());
    }

    private CompletionStage<Sent> send(RemoteCommand command, String action, JsonObject payload) {
        UUID id = command.id();
        if (!connections.isConnected(command.chargerId())) {
            commands.answered(id, RemoteCommand.State.Offline, "The charger is not connected");
            return CompletableFuture.completedFuture(
                    new Sent(RemoteCommand.State.Offline, id, "The charger is not connected"));
        }
        return remote.invoke(command.chargerId(), action, payload)
                .thenApplyAsync(
                        outcome -> {
                            Sent sent = interpret(id, outcome);
                            commands.answered(id, sent.answer(), sent.detail());
                            return sent;
                        },
                        executor);
    }

    private static Sent interpret(UUID id, CallOutcome outcome) {
        if (outcome instanceof CallOutcome.Answered answered) {
            String status = answered.payload().getString("status", "");
            return new Sent(
                    status.equals("Accepted") ? RemoteCommand.State.Accepted : RemoteCommand.State.Rejected,
                    id,
                    "The charger answered " + status);
        }
        if (outcome instanceof CallOutcome.Refused refused) {
            return new Sent(
                    RemoteCommand.State.Failed,
                    id,
                    "The charger answered " + refused.code() + ": " + refused.description());
        }
        if (outcome instanceof CallOutcome.Offline offline) {
            return new Sent(RemoteCommand.State.Offline, id, offline.reason());
        }
        return new Sent(
                RemoteCommand.State.Timeout,
                id,
                "No answer within " + ((CallOutcome.Timeout) outcome).seconds() + " s");
    }
}
