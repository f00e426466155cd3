package io.csms.charging;

import io.csms.platform.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Remote start and stop on a driver's behalf, through the same {@link ChargerCommands} partners and
 * operators use. The command is stored before it is sent; the answer is stored when it comes.
 */
@ApplicationScoped
public class DriverCharging {

    @Inject
    DriverCommands commands;

    @Inject
    ChargerCommands sender;

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
        return send(prepared.command(), payload);
    }

    public CompletionStage<Sent> stop(long accountId, int transactionId, String clientAddress) {
        RemoteCommand command = commands.prepareStop(accountId, transactionId, clientAddress);
        return send(
                command,
                Jsonp.JSON
                        .createObjectBuilder()
                        .add("transactionId", transactionId)
                        .build());
    }

    private CompletionStage<Sent> send(RemoteCommand command, JsonObject payload) {
        return sender.send(command, payload)
                .thenApply(reading -> new Sent(reading.state(), command.id(), reading.detail()));
    }
}
