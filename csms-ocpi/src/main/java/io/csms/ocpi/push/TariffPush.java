package io.csms.ocpi.push;

import io.csms.ocpi.LocationsSender;
import io.csms.ocpi.v211.tariffs.V211Tariffs;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.PartnerTokens;
import io.csms.roaming.outbox.Outbox;
import io.csms.tariff.TariffData;
import io.csms.tariff.Tariffs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Tells one partner's Tariffs Receiver (OCPI 2.2.1 §11.2.2, 2.1.1 §11.2.2) of a tariff: {@code PUT
 * .../{country_code}/{party_id}/{tariff_id}} of the tariff in force, {@code DELETE} of one deleted.
 */
@ApplicationScoped
public class TariffPush {

    @Inject
    Tariffs tariffs;

    @Inject
    Receivers receivers;

    /** The delivery of {@code row}: nothing when the partner has no receiver or the tariff never existed. */
    Delivery prepare(Outbox.Claimed row, PartnerTokens.Outgoing out) {
        Optional<String> receiver = receivers.url(out, "tariffs");
        if (receiver.isEmpty()) {
            return Delivery.nothing(row);
        }
        String url = receiver.get() + receivers.ourParty() + "/" + row.objectId();
        Optional<TariffData> tariff = tariffs.find(row.objectId());
        if (tariff.isPresent()) {
            return new Delivery(
                    row,
                    List.of(new Delivery.Request(
                            "PUT",
                            url,
                            OcpiVersion.is211(out.version())
                                    ? V211Tariffs.tariff(tariff.get())
                                    : LocationsSender.json(tariff.get()))),
                    Delivery.Held.UNCHANGED);
        }
        if (tariffs.deleted(row.objectId())) {
            return new Delivery(row, List.of(new Delivery.Request("DELETE", url, null)), Delivery.Held.UNCHANGED);
        }
        return Delivery.nothing(row);
    }
}
