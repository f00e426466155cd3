package io.csms.roaming;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The OCPI versions we speak, newest first. What differs between them beyond their objects is said
 * here, once: a third version is added as a constant, its DTOs and its mappers.
 */
public enum OcpiVersion {
    V2_2_1("2.2.1"),
    V2_1_1("2.1.1");

    private final String text;

    OcpiVersion(String text) {
        this.text = text;
    }

    /** As OCPI writes it, e.g. {@code 2.2.1}. */
    public String text() {
        return text;
    }

    /** 2.2 brought interface roles (SENDER, RECEIVER), routing headers and base64 tokens. */
    public boolean hasRoles() {
        return this != V2_1_1;
    }

    public static Optional<OcpiVersion> of(String text) {
        return Arrays.stream(values()).filter(v -> v.text.equals(text)).findFirst();
    }

    /** Whether {@code text} names 2.1.1 (where tokens go plain and there are no roles or routing). */
    public static boolean is211(String text) {
        return V2_1_1.text.equals(text);
    }

    /** Every version as text, newest first. */
    public static List<String> texts() {
        return Arrays.stream(values()).map(OcpiVersion::text).toList();
    }
}
