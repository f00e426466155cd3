package io.csms.ocpp.v16;

import java.time.Instant;

/** OCPP 1.6 Heartbeat.conf. */
public record HeartbeatResponse(Instant currentTime) {}
