package io.csms.charging;

import io.csms.chargepoint.ChargerRegistration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The QR code on a charger: {@code ocpp://<chargePointId>?connector=<n>}, nothing more and nothing less. */
public record ChargerQr(String chargerId, int connectorId) {

    private static final Pattern FORM =
            Pattern.compile("ocpp://(" + ChargerRegistration.ID + ")\\?connector=([1-9][0-9]{0,2})");

    /** The charger and connector a code names, or empty when it is not such a code. */
    public static Optional<ChargerQr> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(code);
        return m.matches() ? Optional.of(new ChargerQr(m.group(1), Integer.parseInt(m.group(2)))) : Optional.empty();
    }
}
