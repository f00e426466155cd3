package io.csms.ocpi.push;

import io.csms.location.Locations;
import io.csms.ocpi.v211.cdrs.V211Cdrs;
import io.csms.ocpi.v221.cdrs.V221Cdrs;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.PartnerTokens;
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
    Locations locations;

    @Inject
    Receivers receivers;

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
        return new Delivery(
                row,
                List.of(new Delivery.Request(
                        "POST",
                        receiver.get(),
                        OcpiVersion.is211(out.version())
                                ? V211Cdrs.cdr(
                                        cdr.get().cdr(),
                                        locations.find(
                                                cdr.get().cdr().cdrLocation().id()))
                                : V221Cdrs.cdr(cdr.get().cdr()))),
                Delivery.Held.UNCHANGED);
    }
}
