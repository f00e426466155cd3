package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.OneOf;
import io.csms.ocpp.v16.Required;

/** OCPP 1.6 GetCompositeSchedule.req, sent by the CSMS to a charger. */
public record GetCompositeScheduleRequest(
        @Required Integer connectorId,
        @Required Integer duration,
        @OneOf({"A", "W"}) String chargingRateUnit) {}
