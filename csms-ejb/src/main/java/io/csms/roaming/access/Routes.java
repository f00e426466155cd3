package io.csms.roaming.access;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.platform.OurParty;
import io.csms.roaming.HubClients;
import io.csms.roaming.Partner;
import io.csms.roaming.Partners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * OCPI 2.2.1 message routing headers ({@code OCPI-to-*}, {@code OCPI-from-*}) on the function
 * modules. A message must be addressed to us (or to no one); it may come from a party the caller
 * itself holds a role for, or, from a hub, from a party the admin allowed that hub to speak for
 * (security review H7), that no other partner holds, and that the hub did not report as offline or
 * suspended. Party ids are CiStrings: compared without regard to case.
 */
@ApplicationScoped
public class Routes {

    @Inject
    HubClients hubClients;

    @Inject
    Partners partners;

    @Inject
    AuditTrail audit;

    @Inject
    OurParty ours;

    /** Our own party. */
    public Route.Party ours() {
        return new Route.Party(ours.countryCode(), ours.partyId());
    }

    /**
     * The route of a request to a function module from {@code partner}, or why not: malformed
     * headers or a message for another party → 400/2001; a sender the partner may not speak for →
     * 403/2000 (audited).
     */
    public PartnerAccess check(Presented request, PartnerPrincipal partner) {
        Optional<Route.Party> to;
        Optional<Route.Party> from;
        try {
            to = party(request.toCountry(), request.toParty(), "OCPI-to-country-code", "OCPI-to-party-id");
            from = party(request.fromCountry(), request.fromParty(), "OCPI-from-country-code", "OCPI-from-party-id");
        } catch (IllegalArgumentException e) {
            return new PartnerAccess.Refused(400, 2001, e.getMessage());
        }
        if (to.isPresent() && !to.get().equals(ours())) {
            return new PartnerAccess.Refused(
                    400,
                    2001,
                    "This message is addressed to " + to.get() + ", which is not a party on this platform (" + ours()
                            + ")");
        }
        if (from.isPresent() && !speaksFor(partner, from.get())) {
            audit.record(new AuditEvent(
                    AuditEvent.ActorType.PARTNER,
                    partner.actor(),
                    "ocpi.route",
                    from.get().toString(),
                    AuditEvent.Outcome.DENIED,
                    request.clientAddress(),
                    "sender not represented by the partner"));
            return new PartnerAccess.Refused(403, 2000, "You may not send messages on behalf of " + from.get());
        }
        return new PartnerAccess.Granted(partner, null, new Route(from.orElse(null), to.orElse(null)));
    }

    public boolean speaksFor(PartnerPrincipal partner, Route.Party party) {
        for (Partner.PartyRole role : partner.roles()) {
            if (new Route.Party(role.countryCode(), role.partyId()).equals(party)) {
                return true;
            }
        }
        return partner.hub()
                && partners.hubMayRelay(partner.partnerId(), party.countryCode(), party.partyId())
                && hubClients.reachable(partner.partnerId(), party.countryCode(), party.partyId());
    }

    /** Both headers of a pair, or neither; a country code is two letters, a party id three letters or digits. */
    private static Optional<Route.Party> party(String country, String party, String countryHeader, String partyHeader) {
        if (country == null && party == null) {
            return Optional.empty();
        }
        if (country == null || party == null) {
            throw new IllegalArgumentException(countryHeader + " and " + partyHeader + " come together");
        }
        String c = country.strip();
        String p = party.strip();
        if (!c.matches("[A-Za-z]{2}") || !p.matches("[A-Za-z0-9]{3}")) {
            throw new IllegalArgumentException(countryHeader + "/" + partyHeader
                    + ": a country code of two letters and a party id of three letters or digits");
        }
        return Optional.of(new Route.Party(c, p));
    }
}
