package io.csms.ocpp.rpc;

import java.util.Optional;

/**
 * CALLERROR codes of OCPP-J 1.6 §4.2.3, with the 1.6 spelling we send ({@code OccurenceConstraintViolation},
 * {@code FormationViolation}). Chargers following the errata may send the corrected spellings: we read those too.
 */
public enum ErrorCode {
    NotImplemented,
    NotSupported,
    InternalError,
    ProtocolError,
    SecurityError,
    FormationViolation,
    PropertyConstraintViolation,
    OccurenceConstraintViolation,
    TypeConstraintViolation,
    GenericError;

    /** The code a peer sent, tolerating the errata spellings. */
    public static Optional<ErrorCode> fromWire(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code) {
            case "OccurrenceConstraintViolation" -> Optional.of(OccurenceConstraintViolation);
            case "FormatViolation" -> Optional.of(FormationViolation);
            default -> {
                try {
                    yield Optional.of(valueOf(code));
                } catch (IllegalArgumentException unknown) {
                    yield Optional.empty();
                }
            }
        };
    }
}
