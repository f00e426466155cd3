package io.csms.ocpi.push;

import io.csms.ocpi.v211.sessions.V211Sessions;
import io.csms.ocpi.v221.sessions.V221Sessions;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.PartnerTokens;
import io.csms.roaming.outbox.Outbox;
import io.csms.roaming.sessions.RoamingSessions;
import io.csms.roaming.sessions.SessionData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Tells a partner's Sessions Receiver of its driver's session (OCPI 2.2.1 §9.2.2, 2.1.1 likewise):
 * {@code PUT {url}/{country_code}/{party_id}/{session_id}} of the whole session at its start, at its
 * stop and whenever the partner may not have it yet (one outbox row per session, so a PATCH never
 * overtakes the first PUT), otherwise {@code PATCH} of its progress (energy, cost, time). The charging
 * periods go with the PUTs only: 2.2.1 PATCHes append periods, and the whole list at the end is the
 * record.
 */
@ApplicationScoped
public class SessionPush {

    @Inject
    RoamingSessions sessions;

    @Inject
    Receivers receivers;

    /**
     * The delivery of {@code row}: nothing when the partner has no receiver, is not allowed the
     * sessions module, or the session is gone.
     */
    Delivery prepare(Outbox.Claimed row, io.csms.roaming.Partner partner, PartnerTokens.Outgoing out) {
        Optional<String> receiver =
                partner.allowedModules().contains("sessions") ? receivers.url(out, "sessions") : Optional.empty();
        Optional<SessionData> session = sessions.find(Integer.parseInt(row.objectId()));
        if (receiver.isEmpty() || session.isEmpty() || session.get().partnerId() != row.partnerId()) {
            return Delivery.nothing(row);
        }
        sessions.pushed(session.get());
        String url = receiver.get() + receivers.ourParty() + "/" + row.objectId();
        boolean v211 = OcpiVersion.is211(out.version());
        SessionData s = session.get();
        // to the token's party: behind a hub, or of an eMSP with several parties, the driver's
        java.util.Map<String, String> routing = v211 ? java.util.Map.of() : routing(s.token());
        Delivery.Request request = row.whole()
                ? new Delivery.Request("PUT", url, v211 ? V211Sessions.session(s) : V221Sessions.session(s), routing)
                : new Delivery.Request(
                        "PATCH", url, v211 ? V211Sessions.progress(s) : V221Sessions.progress(s), routing);
        return new Delivery(row, List.of(request), Delivery.Held.UNCHANGED);
    }

    /** OCPI 2.2.1 routing to the party of a driver's token. */
    static java.util.Map<String, String> routing(io.csms.roaming.tokens.TokenData token) {
        return java.util.Map.of("OCPI-to-country-code", token.countryCode(), "OCPI-to-party-id", token.partyId());
    }
}
