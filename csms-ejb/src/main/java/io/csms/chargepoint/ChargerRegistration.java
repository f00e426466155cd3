package io.csms.chargepoint;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an operator says about a charger when registering it. The AuthorizationKey (profiles 1 and 2)
 * is only ever stored hashed; for profile 3 the client certificate's CN must equal
 * {@code certificateSubject} (the charger id when absent), and its chain must lead to the CSMS CA or
 * to {@code certificateCa} (PEM), a CA the operator trusts for this charger alone.
 */
public record ChargerRegistration(
        @NotNull @Pattern(regexp = ChargerRegistration.ID, message = ChargerRegistration.ID_RULE)
        String id,

        @Min(1) @Max(3) int securityProfile,

        @Size(min = AuthorizationKeys.MIN_LENGTH, max = AuthorizationKeys.MAX_LENGTH)
        String authorizationKey,

        boolean authorizationKeyHex,
        @Size(max = 255) String certificateSubject,
        @Size(max = 10_000) String certificateCa) {

    /**
     * What a charger id (the last segment of its OCPP URL) may look like: characters that need no
     * percent-encoding in a URL path and cannot be read two ways (no {@code +}, {@code ;}, {@code %});
     * no {@code :}, which an HTTP Basic user id cannot contain. The handshake filter, the WebSocket
     * endpoint, registration and QR codes all use this one pattern.
     */
    public static final String ID = "[A-Za-z0-9._*-]{1,48}";

    public static final String ID_RULE = "1 to 48 of A-Z a-z 0-9 . _ * -";
}
