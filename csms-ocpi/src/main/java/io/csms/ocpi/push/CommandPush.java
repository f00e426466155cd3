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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tells a partner what came of its command: {@code POST {response_url}} of a CommandResult
 * {@code {result, message}} (2.2.1) or a CommandResponse {@code {result}} (2.1.1), in the version the
 * command came in. Through the outbox, so a result the partner could not take waits and is tried
 * again.
 */
@ApplicationScoped
public class CommandPush {

    @Inject
    TrackedCommands commands;

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
                || !found.get().concluded()) {
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
        return new Delivery(
                row,
                List.of(new Delivery.Request("POST", command.responseUrl(), body.build())),
                Delivery.Held.UNCHANGED);
    }
}
