package io.csms.roaming.access;

import java.util.Locale;

/** The routing of one request (OCPI 2.2.1 {@code OCPI-from-*}, {@code OCPI-to-*}): each null when absent. */
public record Route(Party from, Party to) {

    public static final Route NONE = new Route(null, null);

    /** One OCPI party: a country code and a party id, upper case (they are CiStrings). */
    public record Party(String countryCode, String partyId) {
        public Party {
            countryCode = countryCode.toUpperCase(Locale.ROOT);
            partyId = partyId.toUpperCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return countryCode + "*" + partyId;
        }
    }
}
