package io.csms.ocpi.push;

import io.csms.ocpi.LocationsSender;
import io.csms.ocpi.v211.tariffs.V211Tariffs;
import io.csms.roaming.OcpiClient;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.Partner;
import io.csms.roaming.PartnerTokens;
import io.csms.roaming.outbox.Outbox;
import io.csms.tariff.TariffData;
import io.csms.tariff.Tariffs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Tells one partner's Tariffs Receiver (OCPI 2.2.1 §11.2.2, 2.1.1 §11.2.2) of a tariff's current
 * state: {@code PUT .../{country_code}/{party_id}/{tariff_id}}, or {@code DELETE} once it is gone.
 */
@ApplicationScoped
public class TariffPush {

    @Inject
    Tariffs tariffs;

    @Inject
    OcpiClient client;

    @Inject
    Receivers receivers;

    boolean push(Outbox.Claimed row, Partner partner, PartnerTokens.Outgoing out) throws OcpiClient.CallFailed {
        Optional<String> receiver = receivers.url(out, "tariffs");
        if (receiver.isEmpty()) {
            return false;
        }
        String url = receiver.get() + receivers.ourParty() + "/" + row.objectId();
        Optional<TariffData> tariff = tariffs.find(row.objectId());
        if (tariff.isPresent()) {
            client.push(
                    "PUT",
                    url,
                    out.credentials(),
                    OcpiVersion.is211(out.version())
                            ? V211Tariffs.tariff(tariff.get())
                            : LocationsSender.json(tariff.get()),
                    receivers.routing(partner, out));
            return true;
        }
        if (tariffs.deleted(row.objectId())) {
            client.push("DELETE", url, out.credentials(), null, receivers.routing(partner, out));
            return true;
        }
        return false;
    }
}
