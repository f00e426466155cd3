package io.csms.chargepoint;

/**
 * A charger's row was created, changed or deleted: fired by {@link Chargers} inside the transaction
 * that does it; observers that keep something about chargers in memory act once it commits.
 */
public record ChargerChanged(String chargerId) {}
