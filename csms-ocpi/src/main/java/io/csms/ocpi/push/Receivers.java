package io.csms.ocpi.push;

import io.csms.roaming.CredentialsObjects;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.Partner;
import io.csms.roaming.PartnerTokens;
import io.csms.roaming.Registrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Where and how to reach a partner's Receiver interfaces: the endpoints it listed, the routing headers. */
@ApplicationScoped
public class Receivers {

    @Inject
    Registrations registrations;

    /** The partner's Receiver URL of {@code module}, as its version details listed it at registration. */
    Optional<String> url(PartnerTokens.Outgoing out, String module) {
        return CredentialsObjects.endpoint(CredentialsObjects.storedEndpoints(out.endpoints()), module, "RECEIVER");
    }

    /** OCPI 2.2.1 routing headers, from our party to the partner's; none towards 2.1.1. */
    Map<String, String> routing(Partner partner, PartnerTokens.Outgoing out) {
        if (OcpiVersion.is211(out.version())) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        var ours = registrations.ourParty();
        headers.put("OCPI-from-country-code", ours.countryCode());
        headers.put("OCPI-from-party-id", ours.partyId());
        if (partner.countryCode() != null && partner.partyId() != null) {
            headers.put("OCPI-to-country-code", partner.countryCode());
            headers.put("OCPI-to-party-id", partner.partyId());
        }
        return headers;
    }

    /** Our party's part of a Receiver URL: {@code /{country_code}/{party_id}}. */
    String ourParty() {
        var ours = registrations.ourParty();
        return "/" + ours.countryCode() + "/" + ours.partyId();
    }
}
