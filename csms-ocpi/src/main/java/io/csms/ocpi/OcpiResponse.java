package io.csms.ocpi;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The OCPI response envelope (OCPI 2.2.1 transport_and_format §4.1.7), in every version we speak. */
@JsonbPropertyOrder({"data", "status_code", "status_message", "timestamp"})
public record OcpiResponse<T>(
        T data,
        @JsonbProperty("status_code") int statusCode,
        @JsonbProperty("status_message") String statusMessage,
        Instant timestamp) {

    public static <T> OcpiResponse<T> success(T data) {
        return new OcpiResponse<>(data, OcpiStatus.SUCCESS.code(), "Success", now());
    }

    public static OcpiResponse<Void> error(OcpiStatus status, String message) {
        return error(status.code(), message);
    }

    public static OcpiResponse<Void> error(int statusCode, String message) {
        return new OcpiResponse<>(null, statusCode, message, now());
    }

    /** OCPI DateTime: UTC, at most second precision is what every peer parses. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
