package io.csms.web.ocpp;

import io.csms.chargepoint.ChargerRegistration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The charger id in an OCPP URL, read one way only: the raw path after {@code /ocpp/} must be
 * exactly an id of the registration pattern, so that no decoding, path parameter ({@code ;x}) or
 * {@code +} can make the handshake filter and the WebSocket endpoint read two different ids.
 */
final class OcppPath {

    private static final Pattern ID = Pattern.compile(ChargerRegistration.ID);
    static final String PREFIX = "/ocpp/";

    private OcppPath() {}

    /** The id in a raw (undecoded) path below the context path, e.g. {@code /ocpp/CP001}; empty when it is not one. */
    static Optional<String> chargerId(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String id = rawPath.substring(PREFIX.length());
        return ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }
}
