package io.csms.ocpp.v16;

/** OCPP 1.6 Heartbeat.req: no fields. */
public record HeartbeatRequest() {}
