package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.MaxLength;
import io.csms.ocpp.v16.Required;

/** OCPP 1.6 RemoteStartTransaction.req, sent by the CSMS to a charger. */
public record RemoteStartTransactionRequest(
        Integer connectorId, @Required @MaxLength(20) String idTag, ChargingProfile chargingProfile) {}
