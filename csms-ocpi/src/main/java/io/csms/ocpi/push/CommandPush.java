package io.csms.ocpi.push;

import io.csms.charging.RemoteCommand;
import io.csms.charging.TrackedCommands;
import io.csms.ocpi.v221.commands.CommandsResource;
import io.csms.platform.Jsonp;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.commands.CommandResults;
import io.csms.roaming.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;
import java.util.UUID;

/**
 * Tells a partner what came of its command: {@code POST {response_url}} of a CommandResult
 * {@code {result, message}} (2.2.1) or a CommandResponse {@code {result}} (2.1.1), in the version the
 * command came in, routed (2.2.1) to the party of the command's token, so a hub passes it on. Through
 * the outbox, so a result the partner could not take waits and is tried again, for an hour: a result
 * older than that is past any timeout the partner was given, and goes.
 */
@ApplicationScoped
public class CommandPush {

    /** How long a result is tried: far past any timeout a CommandResponse names. */
    private static final java.time.Duration KEPT = java.time.Duration.ofHours(1);

    @Inject
    TrackedCommands commands;

    @Inject
    io.csms.roaming.tokens.RoamingTokens tokens;

    Delivery prepare(Outbox.Claimed row) {
        Optional<RemoteCommand> found;
        try {
            found = commands.find(UUID.fromString(row.objectId()));
        } catch (IllegalArgumentException e) {
            return Delivery.nothing(row);
        }
        if (found.isEmpty()
                || found.get().partnerId() == null
                || found.get().partnerId() != row.partnerId()
                || !found.get().concluded()
                || found.get().updatedAt().isBefore(java.time.Instant.now().minus(KEPT))) {
            return Delivery.nothing(row);
        }
        RemoteCommand command = found.get();
        boolean v211 = OcpiVersion.is211(command.ocpiVersion());
        Optional<String> result = v211 ? CommandResults.v211(command.state()) : CommandResults.v221(command.state());
        if (result.isEmpty()) {
            return Delivery.nothing(row);
        }
        JsonObjectBuilder body = Jsonp.JSON.createObjectBuilder().add("result", result.get());
        if (!v211 && command.detail() != null) {
            body.add("message", CommandsResource.message(command.detail()));
        }
        java.util.Map<String, String> routing = v211 || command.ocpiTokenId() == null
                ? java.util.Map.of()
                : tokens.byId(command.ocpiTokenId())
                        .map(t -> java.util.Map.of(
                                "OCPI-to-country-code", t.token().countryCode(),
                                "OCPI-to-party-id", t.token().partyId()))
                        .orElse(java.util.Map.of());
        return Delivery.toOwnUrl(row, new Delivery.Request("POST", command.responseUrl(), body.build(), routing));
    }
}
