package io.csms.ocpi.push;

import io.csms.ocpi.v211.cdrs.V211Cdrs;
import io.csms.ocpi.v221.cdrs.V221Cdrs;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.PartnerTokens;
import io.csms.roaming.cdrs.CdrData;
import io.csms.roaming.cdrs.Cdrs;
import io.csms.roaming.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Sends a partner's CDRs Receiver its driver's CDR (OCPI 2.2.1 §10.2.2, 2.1.1 likewise): {@code POST
 * {url}} of the frozen CDR, the same one with the same id on every retry. The URL the partner's
 * {@code Location} header gives is kept ({@link Cdrs#delivered}).
 */
@ApplicationScoped
public class CdrPush {

    @Inject
    Cdrs cdrs;

    @Inject
    Receivers receivers;

    @Inject
    Outbox outbox;

    /** The delivery of {@code row}: nothing when the partner has no receiver or the CDR is not due. */
    Delivery prepare(Outbox.Claimed row, PartnerTokens.Outgoing out) {
        Optional<String> receiver = receivers.url(out, "cdrs");
        Optional<Cdrs.Stored> cdr = cdrs.find(row.objectId());
        if (receiver.isEmpty()
                || cdr.isEmpty()
                || cdr.get().partnerId() != row.partnerId()
                || cdr.get().state() != Cdrs.State.DUE) {
            return Delivery.nothing(row);
        }
        if (outbox.pending(
                row.partnerId(), Outbox.ObjectType.SESSION, cdr.get().cdr().sessionId())) {
            // the completed session first: an eMSP is not billed for a session it still sees running
            return Delivery.after(
                    row, Outbox.ObjectType.SESSION, cdr.get().cdr().sessionId());
        }
        boolean v211 = OcpiVersion.is211(out.version());
        CdrData c = cdr.get().cdr();
        return new Delivery(
                row,
                List.of(new Delivery.Request(
                        "POST",
                        receiver.get(),
                        v211 ? V211Cdrs.cdr(c, cdrs.location(c)) : V221Cdrs.cdr(c),
                        v211
                                ? java.util.Map.of()
                                : java.util.Map.of(
                                        "OCPI-to-country-code",
                                        c.cdrToken().countryCode(),
                                        "OCPI-to-party-id",
                                        c.cdrToken().partyId()))),
                Delivery.Held.UNCHANGED);
    }
}
