package io.csms.ocpi;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.roaming.CredentialsObjects;
import io.csms.roaming.HubClients;
import io.csms.roaming.Partner;
import io.csms.roaming.Partners;
import io.csms.roaming.Registrations;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Locale;

/**
 * OCPI 2.2.1 message routing headers ({@code OCPI-to-*}, {@code OCPI-from-*}) on the function
 * modules. A message must be addressed to us (or to no one, an open routing request); it may come
 * from a party the caller itself holds a role for, or, from a hub, from a party that hub reported in
 * hubclientinfo. Party ids are CiStrings: compared without regard to case.
 */
@ApplicationScoped
public class OcpiRouting {

    static final String TO_COUNTRY = "OCPI-to-country-code";
    static final String TO_PARTY = "OCPI-to-party-id";
    static final String FROM_COUNTRY = "OCPI-from-country-code";
    static final String FROM_PARTY = "OCPI-from-party-id";

    /** One OCPI party: a country code and a party id, upper case. */
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

    /** The routing of one request: who it is from and to, each null when the headers were absent. */
    public record Route(Party from, Party to) {
        static final Route NONE = new Route(null, null);
    }

    @Inject
    Registrations registrations;

    @Inject
    HubClients hubClients;

    @Inject
    AuditTrail audit;

    private Party ours;

    @PostConstruct
    void init() {
        CredentialsObjects.OurParty party = registrations.ourParty();
        ours = new Party(party.countryCode(), party.partyId());
    }

    public Party ours() {
        return ours;
    }

    /**
     * The route of a request to a function module from {@code partner}. Malformed headers or a
     * message for another party → 400/2001; a sender the partner may not speak for → 403/2000 (audited).
     */
    Route check(ContainerRequestContext request, Partners.Authenticated partner, String address) {
        Party to = party(request, TO_COUNTRY, TO_PARTY);
        Party from = party(request, FROM_COUNTRY, FROM_PARTY);
        if (to != null && !to.equals(ours)) {
            throw new OcpiException(
                    400,
                    OcpiStatus.INVALID_PARAMETERS,
                    "This message is addressed to " + to + ", which is not a party on this platform (" + ours + ")");
        }
        if (from != null && !speaksFor(partner, from)) {
            audit.record(new AuditEvent(
                    AuditEvent.ActorType.PARTNER,
                    "partner:" + partner.partnerId(),
                    "ocpi.route",
                    from.toString(),
                    AuditEvent.Outcome.DENIED,
                    address,
                    "sender not represented by the partner"));
            throw new OcpiException(403, OcpiStatus.CLIENT_ERROR, "You may not send messages on behalf of " + from);
        }
        return new Route(from, to);
    }

    private boolean speaksFor(Partners.Authenticated partner, Party party) {
        boolean hub = false;
        for (Partner.PartyRole role : partner.roles()) {
            if (new Party(role.countryCode(), role.partyId()).equals(party)) {
                return true;
            }
            hub |= role.role() == Partner.Role.HUB;
        }
        return hub && hubClients.reports(partner.partnerId(), party.countryCode(), party.partyId());
    }

    /** Both headers of a pair, or neither; a country code is two letters, a party id three letters or digits. */
    private static Party party(ContainerRequestContext request, String countryHeader, String partyHeader) {
        String country = request.getHeaderString(countryHeader);
        String party = request.getHeaderString(partyHeader);
        if (country == null && party == null) {
            return null;
        }
        if (country == null || party == null) {
            throw new OcpiException(
                    400, OcpiStatus.INVALID_PARAMETERS, countryHeader + " and " + partyHeader + " come together");
        }
        country = country.strip();
        party = party.strip();
        if (!country.matches("[A-Za-z]{2}") || !party.matches("[A-Za-z0-9]{3}")) {
            throw new OcpiException(
                    400,
                    OcpiStatus.INVALID_PARAMETERS,
                    countryHeader + "/" + partyHeader
                            + ": a country code of two letters and a party id of three letters or digits");
        }
        return new Party(country, party);
    }
}
