package io.csms.remotecontrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's operation forms, read off the request records, and the payloads made from them. */
class OperationFormTest {

    @Test
    void every_operation_has_a_form() {
        for (String action : RemoteCommands.operations()) {
            assertTrue(OperationForm.fields(action) != null, action);
        }
        assertEquals(26, RemoteCommands.operations().size());
    }

    @Test
    void fields_follow_the_schema_choices_numbers_and_structures() {
        var reset = OperationForm.fields("Reset");
        assertEquals(1, reset.size());
        assertEquals(OperationForm.Kind.CHOICE, reset.get(0).kind());
        assertEquals(java.util.List.of("Hard", "Soft"), reset.get(0).choices());
        assertTrue(reset.get(0).required());
        var trigger = OperationForm.fields("TriggerMessage");
        assertEquals(OperationForm.Kind.NUMBER, trigger.get(1).kind());
        assertEquals(false, trigger.get(1).required());
        assertEquals(
                OperationForm.Kind.JSON,
                OperationForm.fields("GetConfiguration").get(0).kind());
        assertEquals(
                Integer.valueOf(50),
                OperationForm.fields("ChangeConfiguration").get(0).maxLength());
    }

    @Test
    void the_payload_has_what_was_filled_in_and_passes_the_schema() {
        var payload = OperationForm.payload(
                "TriggerMessage", Map.of("requestedMessage", "StatusNotification", "connectorId", " 2 "));
        assertEquals("{\"requestedMessage\":\"StatusNotification\",\"connectorId\":2}", payload.toString());
        RemoteCommands.check("TriggerMessage", payload);
        var keys = OperationForm.payload("GetConfiguration", Map.of("key", "[\"HeartbeatInterval\"]"));
        assertEquals("{\"key\":[\"HeartbeatInterval\"]}", keys.toString());
        assertEquals(
                "{}",
                OperationForm.payload("TriggerMessage", Map.of("connectorId", ""))
                        .toString()
                        .replace(" ", ""));
    }

    @Test
    void a_value_of_the_wrong_kind_is_named() {
        var notNumber = assertThrows(
                OperationForm.NotAValue.class,
                () -> OperationForm.payload("UnlockConnector", Map.of("connectorId", "one")));
        assertTrue(notNumber.getMessage().contains("connectorId"));
        assertThrows(
                OperationForm.NotAValue.class,
                () -> OperationForm.payload("GetConfiguration", Map.of("key", "[unclosed")));
    }
}
