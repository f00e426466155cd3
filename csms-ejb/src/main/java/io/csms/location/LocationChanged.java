package io.csms.location;

/**
 * A location, or one of its EVSEs, changed in what a partner can see: fired inside the transaction
 * that changes it. Carries which object and what kind of change, not the object: whoever must tell
 * someone loads its current state when it does.
 *
 * @param evseUid the EVSE that changed, or null when the location itself (or several of its EVSEs) did
 */
public record LocationChanged(String locationId, String evseUid, Change change) {

    public enum Change {
        /** Created, described anew, or EVSEs added or removed. */
        LOCATION,
        /** Only an EVSE's status. */
        EVSE_STATUS
    }
}
