package io.csms.roaming.access;

import java.util.Arrays;
import java.util.Optional;

/** The OCPI modules by their identifiers (2.2.1 §"Modules and interfaces"), plus the versions endpoints. */
public enum ModuleId {
    VERSIONS,
    CREDENTIALS,
    LOCATIONS,
    TARIFFS,
    SESSIONS,
    CDRS,
    TOKENS,
    COMMANDS,
    HUBCLIENTINFO,
    CHARGINGPROFILES;

    /** The identifier as OCPI writes it in version details, e.g. {@code hubclientinfo}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The configuration modules (versions, credentials): a registration token may use them, and they carry no routing. */
    public boolean configuration() {
        return this == VERSIONS || this == CREDENTIALS;
    }

    public static Optional<ModuleId> of(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst();
    }
}
