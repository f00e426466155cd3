package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.Required;

/** OCPP 1.6 RemoteStopTransaction.req, sent by the CSMS to a charger. */
public record RemoteStopTransactionRequest(@Required Integer transactionId) {}
