package io.csms.ocpi.push;

import io.csms.location.LocationData;
import io.csms.location.Locations;
import io.csms.ocpi.LocationsSender;
import io.csms.ocpi.v211.locations.V211Locations;
import io.csms.roaming.OcpiClient;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.Partner;
import io.csms.roaming.PartnerTokens;
import io.csms.roaming.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * Tells one partner's Locations Receiver (OCPI 2.2.1 §8.2.2, 2.1.1 §8.2.2) of a location's current
 * state: {@code PUT .../{country_code}/{party_id}/{location_id}} of the whole location, or {@code
 * PATCH .../{location_id}/{evse_uid}} of an EVSE's status with its {@code last_updated}.
 */
@ApplicationScoped
public class LocationPush {

    @Inject
    Locations locations;

    @Inject
    OcpiClient client;

    @Inject
    Receivers receivers;

    /** Pushes the row; false when there is nothing to tell this partner (no receiver, not visible to it). */
    boolean push(Outbox.Claimed row, Partner partner, PartnerTokens.Outgoing out) throws OcpiClient.CallFailed {
        Optional<String> receiver = receivers.url(out, "locations");
        if (receiver.isEmpty()) {
            return false;
        }
        Optional<LocationData> found = locations.publishedOne(partner.id(), row.objectId());
        Optional<LocationData> withdrawal =
                found.isPresent() ? Optional.empty() : locations.withdrawal(partner.id(), row.objectId());
        if (found.isEmpty() && withdrawal.isEmpty()) {
            return false;
        }
        LocationData location = found.orElseGet(withdrawal::get);
        boolean v211 = OcpiVersion.is211(out.version());
        String url = receiver.get() + receivers.ourParty() + "/" + location.id();
        Map<String, String> headers = receivers.routing(partner, out);
        if (row.whole() || withdrawal.isPresent()) {
            JsonObject body = v211 ? V211Locations.location(location) : LocationsSender.json(location);
            client.push("PUT", url, out.credentials(), body, headers);
            if (withdrawal.isPresent()) {
                locations.forgotten(location.id(), partner.id());
            } else {
                locations.told(location.id(), partner.id());
            }
            return true;
        }
        for (String uid : row.evseUids()) {
            Optional<LocationData.Evse> evse =
                    location.evses().stream().filter(e -> e.uid().equals(uid)).findFirst();
            if (evse.isPresent()) {
                JsonObject status = Json.createObjectBuilder()
                        .add("status", evse.get().status().name())
                        .add("last_updated", evse.get().lastUpdated().toString())
                        .build();
                client.push("PATCH", url + "/" + uid, out.credentials(), status, headers);
            }
        }
        locations.told(location.id(), partner.id());
        return true;
    }
}
