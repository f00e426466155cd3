package io.csms.ocpi.push;

import io.csms.location.LocationData;
import io.csms.location.Locations;
import io.csms.ocpi.LocationsSender;
import io.csms.ocpi.v211.locations.V211Locations;
import io.csms.platform.Jsonp;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.Partner;
import io.csms.roaming.PartnerTokens;
import io.csms.roaming.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells one partner's Locations Receiver (OCPI 2.2.1 §8.2.2, 2.1.1 §8.2.2) of locations' current
 * state: {@code PUT .../{country_code}/{party_id}/{location_id}} of a whole location, or {@code
 * PATCH .../{location_id}/{evse_uid}} of an EVSE's status with its {@code last_updated}. The states
 * of a whole batch are read at once.
 */
@ApplicationScoped
public class LocationPush {

    @Inject
    Locations locations;

    @Inject
    Receivers receivers;

    /** The deliveries of {@code rows} (all locations) to the partner. */
    List<Delivery> prepare(List<Outbox.Claimed> rows, Partner partner, PartnerTokens.Outgoing out) {
        Optional<String> receiver = receivers.url(out, "locations");
        if (rows.isEmpty() || receiver.isEmpty()) {
            return rows.stream().map(Delivery::nothing).toList();
        }
        Map<String, Locations.ForPush> states = locations.forPushes(
                partner.id(), rows.stream().map(Outbox.Claimed::objectId).toList());
        boolean v211 = OcpiVersion.is211(out.version());
        String base = receiver.get() + receivers.ourParty() + "/";
        List<Delivery> deliveries = new ArrayList<>();
        for (Outbox.Claimed row : rows) {
            Locations.ForPush state = states.get(row.objectId());
            if (state == null) {
                deliveries.add(Delivery.nothing(row));
                continue;
            }
            LocationData location = state.location();
            String url = base + location.id();
            if (row.whole() || state.withdrawn()) {
                deliveries.add(new Delivery(
                        row,
                        List.of(new Delivery.Request(
                                "PUT", url, v211 ? V211Locations.location(location) : LocationsSender.json(location))),
                        state.withdrawn() ? Delivery.Held.FORGOTTEN : Delivery.Held.TOLD));
                continue;
            }
            List<Delivery.Request> patches = location.evses().stream()
                    .filter(e -> row.evseUids().contains(e.uid()))
                    .filter(e -> !v211 || V211Locations.nameable(e))
                    .map(e -> new Delivery.Request(
                            "PATCH",
                            url + "/" + e.uid(),
                            Jsonp.JSON
                                    .createObjectBuilder()
                                    .add("status", e.status().name())
                                    .add("last_updated", e.lastUpdated().toString())
                                    .build()))
                    .toList();
            // a status PATCH tells nothing of a location the partner does not hold already
            deliveries.add(new Delivery(row, patches, Delivery.Held.UNCHANGED));
        }
        return deliveries;
    }
}
