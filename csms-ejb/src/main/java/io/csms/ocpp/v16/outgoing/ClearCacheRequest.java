package io.csms.ocpp.v16.outgoing;

/** OCPP 1.6 ClearCache.req, sent by the CSMS to a charger: no fields. */
public record ClearCacheRequest() {}
