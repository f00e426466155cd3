package io.csms.roaming.commands;

import io.csms.charging.RemoteCommand;
import java.util.Optional;

/**
 * A concluded command's outcome as its partner is told it: OCPI 2.2.1 CommandResultType, or (2.1.1,
 * whose result is a CommandResponse too) CommandResponseType, which has fewer values (what the
 * charger refused for a reason is REJECTED there).
 */
public final class CommandResults {

    private CommandResults() {}

    /** The 2.2.1 CommandResultType; empty while the outcome is not known. */
    public static Optional<String> v221(RemoteCommand.State state) {
        return Optional.ofNullable(
                switch (state) {
                    case Accepted, Started, Stopped -> "ACCEPTED";
                    case Rejected -> "REJECTED";
                    case Occupied -> "EVSE_OCCUPIED";
                    case Inoperative -> "EVSE_INOPERATIVE";
                    case NotSupported -> "NOT_SUPPORTED";
                    case UnknownReservation -> "UNKNOWN_RESERVATION";
                    case Timeout, NeverStarted -> "TIMEOUT";
                    case Offline, Failed -> "FAILED";
                    case Sent -> null;
                });
    }

    /** The 2.1.1 CommandResponseType of the result. */
    public static Optional<String> v211(RemoteCommand.State state) {
        return v221(state).map(result -> switch (result) {
            case "ACCEPTED", "NOT_SUPPORTED", "TIMEOUT" -> result;
            default -> "REJECTED";
        });
    }
}
