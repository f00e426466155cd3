package io.csms.roaming.commands;

import io.csms.roaming.tokens.TokenData;
import java.time.Instant;

/**
 * A partner's command as every OCPI version means it (the version's resource reads its own JSON):
 * where its result goes ({@code responseUrl}) and what it asks. 2.1.1 has no connector for a start,
 * no authorization reference and no CANCEL_RESERVATION; its reservation id is a number (kept as text).
 */
public sealed interface CommandRequest {

    String responseUrl();

    /** The OCPI CommandType. */
    String type();

    record StartSession(
            String responseUrl,
            TokenData token,
            String locationId,
            String evseUid,
            String connectorId,
            String authorizationReference)
            implements CommandRequest {
        public String type() {
            return "START_SESSION";
        }
    }

    record StopSession(String responseUrl, String sessionId) implements CommandRequest {
        public String type() {
            return "STOP_SESSION";
        }
    }

    record ReserveNow(
            String responseUrl,
            TokenData token,
            Instant expiryDate,
            String reservationId,
            String locationId,
            String evseUid,
            String authorizationReference)
            implements CommandRequest {
        public String type() {
            return "RESERVE_NOW";
        }
    }

    record CancelReservation(String responseUrl, String reservationId) implements CommandRequest {
        public String type() {
            return "CANCEL_RESERVATION";
        }
    }

    record UnlockConnector(String responseUrl, String locationId, String evseUid, String connectorId)
            implements CommandRequest {
        public String type() {
            return "UNLOCK_CONNECTOR";
        }
    }
}
