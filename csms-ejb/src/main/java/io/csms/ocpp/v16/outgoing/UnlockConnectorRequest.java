package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.Required;

/** OCPP 1.6 UnlockConnector.req, sent by the CSMS to a charger. */
public record UnlockConnectorRequest(@Required Integer connectorId) {}
