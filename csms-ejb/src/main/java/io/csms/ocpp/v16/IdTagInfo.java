package io.csms.ocpp.v16;

import java.time.OffsetDateTime;

/** OCPP 1.6 IdTagInfo. */
public record IdTagInfo(String status, OffsetDateTime expiryDate, String parentIdTag) {}
