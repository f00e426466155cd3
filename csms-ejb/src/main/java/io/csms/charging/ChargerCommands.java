package io.csms.charging;

import io.csms.ocpp.session.ChargerConnections;
import io.csms.ocpp.v16.PayloadViolation;
import io.csms.remotecontrol.RemoteCommands;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends a stored command to its charger through {@link RemoteCommands} and stores what came of it
 * ({@link CommandAnswers}, {@link TrackedCommands#answered}): for drivers, partners and operators
 * alike. Nothing waits: the answer is stored on a managed thread when it comes.
 */
@ApplicationScoped
public class ChargerCommands {

    @Inject
    TrackedCommands commands;

    @Inject
    RemoteCommands remote;

    @Inject
    ChargerConnections connections;

    @Resource
    ManagedExecutorService executor;

    /** The OCPP operation of each kind. */
    public static String action(RemoteCommand.Kind kind) {
        return switch (kind) {
            case START -> "RemoteStartTransaction";
            case STOP -> "RemoteStopTransaction";
            case RESERVE -> "ReserveNow";
            case CANCEL -> "CancelReservation";
            case UNLOCK -> "UnlockConnector";
        };
    }

    /** Sends {@code payload} as the command's operation; completes with the stored reading of the answer. */
    public CompletionStage<CommandAnswers.Reading> send(RemoteCommand command, JsonObject payload) {
        if (!connections.isConnected(command.chargerId())) {
            return done(
                    command, new CommandAnswers.Reading(RemoteCommand.State.Offline, "The charger is not connected"));
        }
        try {
            return remote.invoke(command.chargerId(), action(command.kind()), payload)
                    .thenApplyAsync(
                            outcome -> {
                                CommandAnswers.Reading reading = CommandAnswers.read(command.kind(), outcome);
                                commands.answered(command.id(), reading);
                                return reading;
                            },
                            executor);
        } catch (PayloadViolation e) {
            return done(command, new CommandAnswers.Reading(RemoteCommand.State.Failed, e.getMessage()));
        }
    }

    private CompletionStage<CommandAnswers.Reading> done(RemoteCommand command, CommandAnswers.Reading reading) {
        commands.answered(command.id(), reading);
        return CompletableFuture.completedFuture(reading);
    }
}
