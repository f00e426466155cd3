package io.csms.roaming.access;

import io.csms.roaming.OcpiVersion;

/**
 * The OCPI module a request is for, as the door knows it: its id, version (null for the
 * version-independent {@code /versions}), whether it may be read without a token (open data), and
 * whether only a hub may use it.
 */
public record ModuleRef(ModuleId id, OcpiVersion version, boolean openData, boolean hubsOnly) {

    /** The configuration modules (versions, credentials): a registration token may use them, and they carry no routing. */
    public boolean configuration() {
        return id.configuration();
    }

    /** Whether a partner allowed {@code versions} may use this module's version. */
    boolean versionAllowed(java.util.List<String> versions) {
        return version == null || versions.contains(version.text());
    }
}
