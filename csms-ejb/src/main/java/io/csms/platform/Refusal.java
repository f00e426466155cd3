package io.csms.platform;

import jakarta.ejb.ApplicationException;

/**
 * A request a service refuses because of what was asked, not because something broke; nothing was
 * changed. The kind decides the status an API answers with, the type is the stable name of the refusal
 * (e.g. {@code email-taken}, {@code connector-busy}).
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

    /**
     * UPSTREAM: a party we had to call (a roaming partner) did not give a usable answer; THROTTLED:
     * too many such requests, retry after {@link #retryAfter()}.
     */
    public enum Kind {
        INVALID,
        NOT_FOUND,
        CONFLICT,
        UPSTREAM,
        THROTTLED
    }

    private final Kind kind;
    private final String type;

    private final java.time.Duration retryAfter;

    public Refusal(Kind kind, String type, String message) {
        this(kind, type, message, null);
    }

    private Refusal(Kind kind, String type, String message, java.time.Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.type = type;
        this.retryAfter = retryAfter;
    }

    /** Too many of these requests: refused until {@code retryAfter} has passed. */
    public static Refusal throttled(String type, String message, java.time.Duration retryAfter) {
        return new Refusal(Kind.THROTTLED, type, message, retryAfter);
    }

    /** For THROTTLED: how long to wait; else null. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }
}
