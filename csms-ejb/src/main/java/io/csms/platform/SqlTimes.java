package io.csms.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Times as native queries give them back: {@link Timestamp}, {@link OffsetDateTime} or {@link Instant}, by driver and version. */
public final class SqlTimes {

    private SqlTimes() {}

    /** The instant of a {@code timestamptz} column's value, or null. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("Not a time: " + value.getClass());
    }
}
