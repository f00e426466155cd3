package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.OneOf;
import io.csms.ocpp.v16.Required;

/** OCPP 1.6 TriggerMessage.req, sent by the CSMS to a charger. */
public record TriggerMessageRequest(
        @Required
        @OneOf({
            "BootNotification",
            "DiagnosticsStatusNotification",
            "FirmwareStatusNotification",
            "Heartbeat",
            "MeterValues",
            "StatusNotification"
        })
        String requestedMessage,

        Integer connectorId) {}
