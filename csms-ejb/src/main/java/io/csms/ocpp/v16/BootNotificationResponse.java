package io.csms.ocpp.v16;

import java.time.Instant;

/** OCPP 1.6 BootNotification.conf. {@code interval} is the heartbeat interval (Accepted) or retry delay (Pending/Rejected), in seconds. */
public record BootNotificationResponse(String status, Instant currentTime, int interval) {}
