package io.csms.ocpp.session;

/** What becomes of a CALL a charger sent (OCPP-J §4.1.1: one CALL in flight per direction). */
public enum CallArrival {
    /** Handle it now. */
    NOW,
    /** Another of the charger's CALLs is being handled: this one waits its turn. */
    QUEUED,
    /** Too many are waiting (or the connection is no longer registered): answered with a CALLERROR. */
    REFUSED
}
