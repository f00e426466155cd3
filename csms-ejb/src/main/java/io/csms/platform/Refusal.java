package io.csms.platform;

import jakarta.ejb.ApplicationException;

/**
 * A request a service refuses because of what was asked, not because something broke; nothing was
 * changed. The kind decides the status an API answers with, the type is the stable name of the refusal
 * (e.g. {@code email-taken}, {@code connector-busy}).
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

    /** UPSTREAM: a party we had to call (a roaming partner) did not give a usable answer. */
    public enum Kind {
        INVALID,
        NOT_FOUND,
        CONFLICT,
        UPSTREAM
    }

    private final Kind kind;
    private final String type;

    public Refusal(Kind kind, String type, String message) {
        super(message);
        this.kind = kind;
        this.type = type;
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }
}
