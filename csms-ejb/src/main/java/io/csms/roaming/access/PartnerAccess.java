package io.csms.roaming.access;

import java.time.Duration;

/** The decision on one OCPI request; the door maps it to HTTP and an OCPI envelope. */
public sealed interface PartnerAccess {

    /** Served: by this partner, who presented {@code token}, routed so ({@link Route#NONE} when not routed). */
    record Granted(PartnerPrincipal partner, String token, Route route) implements PartnerAccess {}

    /** Served without a token: open data. */
    record Anonymous() implements PartnerAccess {}

    /** Refused with this HTTP status and OCPI status code (2000 client error, 2001 invalid parameters). */
    record Refused(int httpStatus, int statusCode, String message) implements PartnerAccess {}

    /** Too many failed attempts (or anonymous requests): 429 with Retry-After. */
    record Throttled(Duration retryAfter) implements PartnerAccess {}
}
