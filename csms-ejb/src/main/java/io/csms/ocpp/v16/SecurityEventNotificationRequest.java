package io.csms.ocpp.v16;

import java.time.OffsetDateTime;

/** OCPP 1.6 security extension SecurityEventNotification.req. */
public record SecurityEventNotificationRequest(
        @Required @MaxLength(50) String type,
        @Required OffsetDateTime timestamp,
        @MaxLength(255) String techInfo) {}
