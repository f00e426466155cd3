package io.csms.charging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.csms.ocpp.rpc.ErrorCode;
import io.csms.ocpp.session.CallOutcome;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

/** Every OCPP 1.6 answer to a tracked command, read the one way (the confirmation statuses of the 1.6 schemas). */
class CommandAnswersTest {

    private static RemoteCommand.State read(RemoteCommand.Kind kind, String status) {
        return CommandAnswers.read(
                        kind,
                        new CallOutcome.Answered(
                                Json.createObjectBuilder().add("status", status).build()))
                .state();
    }

    @Test
    void remote_start_and_stop_are_accepted_or_rejected() {
        for (RemoteCommand.Kind kind : new RemoteCommand.Kind[] {RemoteCommand.Kind.START, RemoteCommand.Kind.STOP}) {
            assertEquals(RemoteCommand.State.Accepted, read(kind, "Accepted"));
            assertEquals(RemoteCommand.State.Rejected, read(kind, "Rejected"));
        }
    }

    @Test
    void reserve_now_tells_occupied_and_inoperative_apart() {
        assertEquals(RemoteCommand.State.Accepted, read(RemoteCommand.Kind.RESERVE, "Accepted"));
        assertEquals(RemoteCommand.State.Occupied, read(RemoteCommand.Kind.RESERVE, "Occupied"));
        assertEquals(RemoteCommand.State.Inoperative, read(RemoteCommand.Kind.RESERVE, "Faulted"));
        assertEquals(RemoteCommand.State.Inoperative, read(RemoteCommand.Kind.RESERVE, "Unavailable"));
        assertEquals(RemoteCommand.State.Rejected, read(RemoteCommand.Kind.RESERVE, "Rejected"));
    }

    @Test
    void a_rejected_cancellation_is_an_unknown_reservation() {
        assertEquals(RemoteCommand.State.Accepted, read(RemoteCommand.Kind.CANCEL, "Accepted"));
        assertEquals(RemoteCommand.State.UnknownReservation, read(RemoteCommand.Kind.CANCEL, "Rejected"));
    }

    @Test
    void unlock_answers() {
        assertEquals(RemoteCommand.State.Accepted, read(RemoteCommand.Kind.UNLOCK, "Unlocked"));
        assertEquals(RemoteCommand.State.Failed, read(RemoteCommand.Kind.UNLOCK, "UnlockFailed"));
        assertEquals(RemoteCommand.State.NotSupported, read(RemoteCommand.Kind.UNLOCK, "NotSupported"));
    }

    @Test
    void no_answer_a_callerror_or_an_absent_charger() {
        assertEquals(
                RemoteCommand.State.NotSupported,
                CommandAnswers.read(RemoteCommand.Kind.UNLOCK, new CallOutcome.Refused(ErrorCode.NotImplemented, "no"))
                        .state());
        CommandAnswers.Reading failed = CommandAnswers.read(
                RemoteCommand.Kind.START, new CallOutcome.Refused(ErrorCode.InternalError, "broken"));
        assertEquals(RemoteCommand.State.Failed, failed.state());
        assertEquals("The charger answered InternalError: broken", failed.detail());
        assertEquals(
                RemoteCommand.State.Offline,
                CommandAnswers.read(RemoteCommand.Kind.STOP, new CallOutcome.Offline("gone"))
                        .state());
        CommandAnswers.Reading silent = CommandAnswers.read(RemoteCommand.Kind.STOP, new CallOutcome.Timeout(30));
        assertEquals(RemoteCommand.State.Timeout, silent.state());
        assertEquals("No answer within 30 s", silent.detail());
    }
}
