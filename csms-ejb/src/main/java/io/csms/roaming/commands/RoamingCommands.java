package io.csms.roaming.commands;

import io.csms.charging.ChargerCommands;
import io.csms.charging.CommandAnswers;
import io.csms.charging.RemoteCommand;
import io.csms.charging.TrackedCommands;
import io.csms.ocpp.session.CallOutcome;
import io.csms.platform.Jsonp;
import io.csms.remotecontrol.RemoteCommands;
import io.csms.roaming.access.PartnerPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A partner's command from receipt to charger: checked and stored ({@link PartnerCommands}, its
 * transaction committed), then sent without waiting ({@link ChargerCommands}); the answer is the
 * partner's at once. A reservation of a whole charger (connector 0) first asks the charger whether
 * it supports that ({@code ReserveConnectorZeroSupported}); when it does not, the result is
 * NOT_SUPPORTED.
 */
@ApplicationScoped
public class RoamingCommands {

    static final String CONNECTOR_ZERO = "ReserveConnectorZeroSupported";

    @Inject
    PartnerCommands partnerCommands;

    @Inject
    ChargerCommands sender;

    @Inject
    RemoteCommands remote;

    @Inject
    TrackedCommands commands;

    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    public PartnerCommands.Answer receive(
            PartnerPrincipal partner, String version, CommandRequest request, String clientAddress) {
        PartnerCommands.Prepared prepared = partnerCommands.prepare(partner, version, request, clientAddress);
        RemoteCommand command = prepared.command();
        if (command == null || command.concluded()) {
            return prepared.answer();
        }
        if (!prepared.connectorZero()) {
            sender.send(command, prepared.payload());
            return prepared.answer();
        }
        JsonObject question = Jsonp.JSON
                .createObjectBuilder()
                .add("key", Jsonp.JSON.createArrayBuilder().add(CONNECTOR_ZERO))
                .build();
        // the charger's answer comes on a socket thread: what follows runs on a managed one
        remote.invoke(command.chargerId(), "GetConfiguration", question)
                .thenAcceptAsync(
                        outcome -> {
                            if (supportsConnectorZero(outcome)) {
                                sender.send(command, prepared.payload());
                            } else {
                                commands.answered(
                                        command.id(),
                                        new CommandAnswers.Reading(
                                                RemoteCommand.State.NotSupported,
                                                "The charger does not reserve connector 0 (" + CONNECTOR_ZERO + ")"));
                            }
                        },
                        executor);
        return prepared.answer();
    }

    /** Whether the charger's GetConfiguration answer says {@code ReserveConnectorZeroSupported} is true. */
    static boolean supportsConnectorZero(CallOutcome outcome) {
        if (!(outcome instanceof CallOutcome.Answered answered)
                || !(answered.payload().get("configurationKey") instanceof JsonArray keys)) {
            return false;
        }
        for (JsonValue key : keys) {
            if (key instanceof JsonObject entry
                    && CONNECTOR_ZERO.equalsIgnoreCase(entry.getString("key", ""))
                    && "true".equalsIgnoreCase(entry.getString("value", "").strip())) {
                return true;
            }
        }
        return false;
    }
}
