package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.OneOf;
import io.csms.ocpp.v16.Required;

/** OCPP 1.6 ChangeAvailability.req, sent by the CSMS to a charger. */
public record ChangeAvailabilityRequest(
        @Required Integer connectorId,
        @Required @OneOf({"Inoperative", "Operative"}) String type) {}
