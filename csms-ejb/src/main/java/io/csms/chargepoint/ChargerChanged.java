package io.csms.chargepoint;

/**
 * A charger's row was created, changed or deleted: fired by {@link Chargers} inside the transaction
 * that does it; observers that keep something about chargers in memory act once it commits. What
 * changed decides what a live connection must do: new credentials or a deletion close it (whoever
 * holds it proved the old ones), a registration decision ({@code registration}, set for
 * {@link Change#REGISTRATION}) is told to the charger.
 */
public record ChargerChanged(String chargerId, Change change, Charger.RegistrationStatus registration) {

    public ChargerChanged(String chargerId, Change change) {
        this(chargerId, change, null);
    }

    public enum Change {
        /** Registered by an operator, or on first contact. */
        CREATED,
        /** How it authenticates: security profile, AuthorizationKey, certificate subject or CA. */
        CREDENTIALS,
        /** Accepted, Pending or Rejected by an operator. */
        REGISTRATION,
        /** A certificate issued to it, or revoked. */
        CERTIFICATES,
        DELETED
    }
}
