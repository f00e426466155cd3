package io.csms.tariff;

/**
 * A tariff was described anew or deleted: fired inside the transaction that does it. Whoever must
 * tell someone loads its current state (or learns it is gone) when it does.
 */
public record TariffChanged(String tariffId) {}
