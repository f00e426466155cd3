package io.csms.charging;

import io.csms.ocpp.session.CallOutcome;
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

    /** How long an operator's start (or reservation) may take to show as a transaction. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "csms.charging.start-timeout", defaultValue = "120")
    long startTimeout;

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

    /** The kind of command an OCPP operation is, when it is one that is tracked. */
    static java.util.Optional<RemoteCommand.Kind> kindOf(String action) {
        return java.util.Arrays.stream(RemoteCommand.Kind.values())
                .filter(kind -> action(kind).equals(action))
                .findFirst();
    }

    /**
     * An operator's OCPP operation, checked against its schema ({@link PayloadViolation} when it
     * breaks it) and sent as it is (audited as the operator's); a start, stop, reservation,
     * cancellation or unlock is also recorded and its answer read like drivers' and partners'
     * commands. Completes with the charger's outcome.
     */
    public CompletionStage<CallOutcome> forOperator(
            String chargerId, String action, JsonObject payload, String operator, String clientAddress) {
        RemoteCommands.check(action, payload);
        java.util.Optional<RemoteCommand> tracked = kindOf(action)
                .map(kind -> commands.recordForOperator(
                        operator,
                        kind,
                        chargerId,
                        payload.containsKey("connectorId") ? payload.getInt("connectorId") : null,
                        payload.getString("idTag", null),
                        payload.containsKey("transactionId") ? payload.getInt("transactionId") : null,
                        java.time.Instant.now().plusSeconds(startTimeout)));
        CompletionStage<CallOutcome> outcome = remote.invoke(chargerId, action, payload, operator, clientAddress);
        if (tracked.isEmpty()) {
            return outcome;
        }
        return outcome.thenApplyAsync(
                answer -> {
                    commands.answered(
                            tracked.get().id(),
                            CommandAnswers.read(tracked.get().kind(), answer));
                    return answer;
                },
                executor);
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
