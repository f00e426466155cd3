package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.Required;

/** OCPP 1.6 SetChargingProfile.req, sent by the CSMS to a charger. */
public record SetChargingProfileRequest(
        @Required Integer connectorId, @Required ChargingProfile csChargingProfiles) {}
