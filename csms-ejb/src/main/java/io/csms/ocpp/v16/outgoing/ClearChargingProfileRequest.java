package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.OneOf;

/** OCPP 1.6 ClearChargingProfile.req, sent by the CSMS to a charger. */
public record ClearChargingProfileRequest(
        Integer id,
        Integer connectorId,

        @OneOf({"ChargePointMaxProfile", "TxDefaultProfile", "TxProfile"})
        String chargingProfilePurpose,

        Integer stackLevel) {}
