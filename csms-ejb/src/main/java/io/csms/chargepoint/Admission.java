package io.csms.chargepoint;

import java.time.Duration;

/** The answer to a charger's WebSocket handshake, decided before the upgrade. */
public sealed interface Admission {

    /**
     * Welcome. {@code registered} is false for an unknown charger let in by the unknown-chargers
     * policy; {@code status} is its stored registration (null when unknown), what it may do until it
     * boots.
     */
    record Admitted(String chargerId, boolean registered, Charger.RegistrationStatus status) implements Admission {}

    /** Nobody registered this charger id (HTTP 404). */
    record Unknown(String chargerId) implements Admission {}

    /** Missing or wrong credentials for the charger's security profile (HTTP 401). */
    record Unauthenticated(String chargerId, String reason) implements Admission {}

    /** The charger's security profile requires TLS and it came without (HTTP 403). */
    record TlsRequired(String chargerId, int profile) implements Admission {}

    /** Too many failed handshakes for this id or from this address (HTTP 429 with Retry-After). */
    record Throttled(String chargerId, Duration retryAfter) implements Admission {}
}
