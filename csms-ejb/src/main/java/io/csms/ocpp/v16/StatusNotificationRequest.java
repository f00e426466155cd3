package io.csms.ocpp.v16;

import java.time.OffsetDateTime;

/** OCPP 1.6 StatusNotification.req. */
public record StatusNotificationRequest(
        @Required @Range(min = 0, max = Range.MAX_CONNECTOR_ID)
        Integer connectorId,

        @Required
        @OneOf({
            "ConnectorLockFailure",
            "EVCommunicationError",
            "GroundFailure",
            "HighTemperature",
            "InternalError",
            "LocalListConflict",
            "NoError",
            "OtherError",
            "OverCurrentFailure",
            "PowerMeterFailure",
            "PowerSwitchFailure",
            "ReaderFailure",
            "ResetFailure",
            "UnderVoltage",
            "OverVoltage",
            "WeakSignal"
        })
        String errorCode,

        @MaxLength(50) String info,

        @Required
        @OneOf({
            "Available",
            "Preparing",
            "Charging",
            "SuspendedEVSE",
            "SuspendedEV",
            "Finishing",
            "Reserved",
            "Unavailable",
            "Faulted"
        })
        String status,

        OffsetDateTime timestamp,
        @MaxLength(255) String vendorId,
        @MaxLength(50) String vendorErrorCode) {}
