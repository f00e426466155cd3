package io.csms.charging;

import io.csms.ocpp.rpc.ErrorCode;
import io.csms.ocpp.session.CallOutcome;

/**
 * What a charger's answer to a tracked command means, in one place for drivers, partners and
 * operators. OCPP 1.6 answers RemoteStart/RemoteStop/CancelReservation with Accepted or Rejected,
 * ReserveNow also with Faulted, Occupied or Unavailable, UnlockConnector with Unlocked, UnlockFailed
 * or NotSupported; a CALLERROR NotImplemented or NotSupported means the charger does not do it.
 */
public final class CommandAnswers {

    /** The command's state after the answer, and a sentence for people. */
    public record Reading(RemoteCommand.State state, String detail) {}

    private CommandAnswers() {}

    public static Reading read(RemoteCommand.Kind kind, CallOutcome outcome) {
        if (outcome instanceof CallOutcome.Answered answered) {
            String status = answered.payload().getString("status", "");
            return new Reading(status(kind, status), "The charger answered " + status);
        }
        if (outcome instanceof CallOutcome.Refused refused) {
            boolean unsupported =
                    refused.code() == ErrorCode.NotImplemented || refused.code() == ErrorCode.NotSupported;
            return new Reading(
                    unsupported ? RemoteCommand.State.NotSupported : RemoteCommand.State.Failed,
                    "The charger answered " + refused.code() + ": " + refused.description());
        }
        if (outcome instanceof CallOutcome.Offline offline) {
            return new Reading(RemoteCommand.State.Offline, offline.reason());
        }
        return new Reading(
                RemoteCommand.State.Timeout, "No answer within " + ((CallOutcome.Timeout) outcome).seconds() + " s");
    }

    private static RemoteCommand.State status(RemoteCommand.Kind kind, String status) {
        return switch (status) {
            case "Accepted", "Unlocked" -> RemoteCommand.State.Accepted;
            case "Occupied" -> RemoteCommand.State.Occupied;
            case "Faulted", "Unavailable" -> RemoteCommand.State.Inoperative;
            case "NotSupported" -> RemoteCommand.State.NotSupported;
            case "UnlockFailed" -> RemoteCommand.State.Failed;
            // a CancelReservation is Rejected when the charger has no such reservation
            case "Rejected" ->
                kind == RemoteCommand.Kind.CANCEL
                        ? RemoteCommand.State.UnknownReservation
                        : RemoteCommand.State.Rejected;
            default -> RemoteCommand.State.Rejected;
        };
    }
}
