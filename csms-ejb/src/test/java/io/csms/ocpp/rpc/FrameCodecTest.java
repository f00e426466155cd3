package io.csms.ocpp.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameCodecTest {

    @Test
    void reads_a_call() throws FrameException {
        var call = assertInstanceOf(
                OcppFrame.Call.class,
                FrameCodec.decode("[2, \"19223201\", \"BootNotification\", {\"chargePointVendor\": \"VendorX\"}]"));
        assertEquals("19223201", call.messageId());
        assertEquals("BootNotification", call.action());
        assertEquals("VendorX", call.payload().getString("chargePointVendor"));
    }

    @Test
    void reads_a_call_result_and_a_call_error() throws FrameException {
        var result =
                assertInstanceOf(OcppFrame.CallResult.class, FrameCodec.decode("[3,\"a\",{\"status\":\"Accepted\"}]"));
        assertEquals("Accepted", result.payload().getString("status"));

        var error = assertInstanceOf(
                OcppFrame.CallError.class, FrameCodec.decode("[4,\"b\",\"NotSupported\",\"no reservations here\",{}]"));
        assertEquals(ErrorCode.NotSupported, error.code());
        assertEquals("no reservations here", error.description());
    }

    @ParameterizedTest
    @CsvSource({
        "OccurrenceConstraintViolation, OccurenceConstraintViolation",
        "OccurenceConstraintViolation, OccurenceConstraintViolation",
        "FormatViolation, FormationViolation",
        "SomethingElse, GenericError"
    })
    void reads_error_codes_in_the_16_and_the_errata_spelling(String sent, ErrorCode read) throws FrameException {
        var error = (OcppFrame.CallError) FrameCodec.decode("[4,\"c\",\"" + sent + "\",\"\",{}]");
        assertEquals(read, error.code());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[2,\"m-1\",\"Heartbeat\",{]               | m-1  | FormationViolation",
                "[2,\"m-2\",\"Heartbeat\"]                 | m-2  | FormationViolation",
                "[2,\"m-3\",\"Heartbeat\",[]]              | m-3  | FormationViolation",
                "[2,\"m-4\",42,{}]                         | m-4  | FormationViolation",
                "[7,\"m-5\",\"Heartbeat\",{}]              | m-5  | ProtocolError",
                "[\"2\",\"m-6\",\"Heartbeat\",{}]          | m-6  | FormationViolation",
                "[3,\"m-7\",{},{}]                         | m-7  | FormationViolation",
                "[4,\"m-8\",\"GenericError\",{},{}]        | m-8  | FormationViolation",
            })
    void explains_what_is_wrong_with_a_broken_frame_and_keeps_its_message_id(String text, String id, ErrorCode code) {
        FrameException e = assertThrows(FrameException.class, () -> FrameCodec.decode(text));
        assertEquals(id, e.messageId());
        assertEquals(code, e.code());
    }

    @Test
    void a_frame_without_a_readable_message_id_has_nobody_to_answer() {
        assertNull(assertThrows(FrameException.class, () -> FrameCodec.decode("{\"not\":\"a frame\"}"))
                .messageId());
        assertNull(assertThrows(FrameException.class, () -> FrameCodec.decode("nonsense"))
                .messageId());
        String longId = "x".repeat(37);
        assertNull(
                assertThrows(FrameException.class, () -> FrameCodec.decode("[2,\"" + longId + "\",\"Heartbeat\",{}]"))
                        .messageId());
    }

    @Test
    void writes_frames_in_the_ocpp_j_shape() {
        var payload = Json.createObjectBuilder()
                .add("currentTime", "2026-11-21T10:00:00Z")
                .build();
        assertEquals(
                "[3,\"id-1\",{\"currentTime\":\"2026-11-21T10:00:00Z\"}]",
                FrameCodec.encode(new OcppFrame.CallResult("id-1", payload)));
        assertEquals(
                "[2,\"id-2\",\"Reset\",{\"type\":\"Soft\"}]",
                FrameCodec.encode(new OcppFrame.Call(
                        "id-2",
                        "Reset",
                        Json.createObjectBuilder().add("type", "Soft").build())));
        assertEquals(
                "[4,\"id-3\",\"OccurenceConstraintViolation\",\"missing\",{}]",
                FrameCodec.encode(new OcppFrame.CallError("id-3", ErrorCode.OccurenceConstraintViolation, "missing")));
        assertEquals(
                "[4,\"-1\",\"FormationViolation\",\"bad\",{}]",
                FrameCodec.encode(new OcppFrame.CallError(null, ErrorCode.FormationViolation, "bad")));
    }

    @Test
    void what_it_writes_it_reads_back() throws FrameException {
        var call = new OcppFrame.Call(
                "r-1",
                "DataTransfer",
                Json.createObjectBuilder().add("vendorId", "v").build());
        assertEquals(call, FrameCodec.decode(FrameCodec.encode(call)));
    }
}
