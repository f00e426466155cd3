package io.csms.roaming.access;

/**
 * The OCPI module a request is for, as the door knows it: its id ({@code credentials},
 * {@code locations}...), version ("" for {@code /versions}), whether it may be read without a token
 * (open data), and whether only a hub may use it.
 */
public record ModuleRef(String id, String version, boolean openData, boolean hubsOnly) {

    public static final String VERSIONS = "versions";
    public static final String CREDENTIALS = "credentials";

    /** The configuration modules (versions, credentials): a registration token may use them, and they carry no routing. */
    public boolean configuration() {
        return id.equals(VERSIONS) || id.equals(CREDENTIALS);
    }
}
