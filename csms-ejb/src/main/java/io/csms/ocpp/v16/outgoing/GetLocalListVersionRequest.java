package io.csms.ocpp.v16.outgoing;

/** OCPP 1.6 GetLocalListVersion.req, sent by the CSMS to a charger: no fields. */
public record GetLocalListVersionRequest() {}
