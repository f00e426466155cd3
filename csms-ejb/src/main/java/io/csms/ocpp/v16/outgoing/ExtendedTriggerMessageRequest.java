package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.OneOf;
import io.csms.ocpp.v16.Required;

/** OCPP 1.6 ExtendedTriggerMessage.req, sent by the CSMS to a charger. */
public record ExtendedTriggerMessageRequest(
        @Required
        @OneOf({
            "BootNotification",
            "LogStatusNotification",
            "FirmwareStatusNotification",
            "Heartbeat",
            "MeterValues",
            "SignChargePointCertificate",
            "StatusNotification"
        })
        String requestedMessage,

        Integer connectorId) {}
