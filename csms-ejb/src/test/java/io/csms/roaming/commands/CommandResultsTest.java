package io.csms.roaming.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.charging.RemoteCommand;
import io.csms.ocpp.session.CallOutcome;
import jakarta.json.Json;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a partner is told of each outcome: OCPI 2.2.1 CommandResultType and 2.1.1
 * CommandResponseType (mod_commands of each version), written out here from the specs.
 */
class CommandResultsTest {

    private static final Map<RemoteCommand.State, String[]> EXPECTED = Map.ofEntries(
            Map.entry(RemoteCommand.State.Accepted, new String[] {"ACCEPTED", "ACCEPTED"}),
            Map.entry(RemoteCommand.State.Started, new String[] {"ACCEPTED", "ACCEPTED"}),
            Map.entry(RemoteCommand.State.Stopped, new String[] {"ACCEPTED", "ACCEPTED"}),
            Map.entry(RemoteCommand.State.Rejected, new String[] {"REJECTED", "REJECTED"}),
            Map.entry(RemoteCommand.State.Occupied, new String[] {"EVSE_OCCUPIED", "REJECTED"}),
            Map.entry(RemoteCommand.State.Inoperative, new String[] {"EVSE_INOPERATIVE", "REJECTED"}),
            Map.entry(RemoteCommand.State.NotSupported, new String[] {"NOT_SUPPORTED", "NOT_SUPPORTED"}),
            Map.entry(RemoteCommand.State.UnknownReservation, new String[] {"UNKNOWN_RESERVATION", "REJECTED"}),
            Map.entry(RemoteCommand.State.Timeout, new String[] {"TIMEOUT", "TIMEOUT"}),
            Map.entry(RemoteCommand.State.NeverStarted, new String[] {"TIMEOUT", "TIMEOUT"}),
            Map.entry(RemoteCommand.State.Offline, new String[] {"FAILED", "REJECTED"}),
            Map.entry(RemoteCommand.State.Failed, new String[] {"FAILED", "REJECTED"}));

    @Test
    void every_concluded_state_has_a_result_in_both_versions() {
        for (RemoteCommand.State state : RemoteCommand.State.values()) {
            if (state == RemoteCommand.State.Sent) {
                assertEquals(Optional.empty(), CommandResults.v221(state));
                assertEquals(Optional.empty(), CommandResults.v211(state));
                continue;
            }
            String[] expected = EXPECTED.get(state);
            assertEquals(expected[0], CommandResults.v221(state).orElseThrow(), state.name());
            assertEquals(expected[1], CommandResults.v211(state).orElseThrow(), state.name());
        }
    }

    @Test
    void connector_zero_needs_the_charger_to_say_so() {
        assertTrue(RoamingCommands.supportsConnectorZero(configuration("true")));
        assertTrue(RoamingCommands.supportsConnectorZero(configuration(" TRUE ")));
        assertEquals(false, RoamingCommands.supportsConnectorZero(configuration("false")));
        assertEquals(
                false,
                RoamingCommands.supportsConnectorZero(new CallOutcome.Answered(Json.createObjectBuilder()
                        .add("unknownKey", Json.createArrayBuilder().add("ReserveConnectorZeroSupported"))
                        .build())));
        assertEquals(false, RoamingCommands.supportsConnectorZero(new CallOutcome.Timeout(30)));
    }

    private static CallOutcome configuration(String value) {
        return new CallOutcome.Answered(Json.createObjectBuilder()
                .add(
                        "configurationKey",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("key", "ReserveConnectorZeroSupported")
                                        .add("readonly", true)
                                        .add("value", value)))
                .build());
    }
}
