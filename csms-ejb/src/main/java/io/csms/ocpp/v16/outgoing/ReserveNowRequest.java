package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.MaxLength;
import io.csms.ocpp.v16.Required;
import java.time.OffsetDateTime;

/** OCPP 1.6 ReserveNow.req, sent by the CSMS to a charger. */
public record ReserveNowRequest(
        @Required Integer connectorId,
        @Required OffsetDateTime expiryDate,
        @Required @MaxLength(20) String idTag,
        @MaxLength(20) String parentIdTag,
        @Required Integer reservationId) {}
