package io.csms.ocpi.push;

import io.csms.location.LocationData;
import io.csms.location.Locations;
import io.csms.ocpi.LocationsSender;
import io.csms.ocpi.v211.locations.V211Locations;
import io.csms.roaming.CredentialsObjects;
import io.csms.roaming.OcpiClient;
import io.csms.roaming.Partner;
import io.csms.roaming.PartnerTokens;
import io.csms.roaming.Registrations;
import io.csms.roaming.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.LinkedHashMap;
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
    Registrations registrations;

    /** Pushes the row; false when there is nothing to tell this partner (no receiver, not visible to it). */
    boolean push(Outbox.Claimed row, Partner partner, PartnerTokens.Outgoing out) throws OcpiClient.CallFailed {
        Optional<LocationData> found = locations.publishedOne(partner.id(), row.objectId());
        // the partner's endpoints as its version details listed them at registration
        Optional<String> receiver = CredentialsObjects.endpoint(json(out.endpoints()), "locations", "RECEIVER");
        if (found.isEmpty() || receiver.isEmpty()) {
            return false;
        }
        LocationData location = found.get();
        boolean v211 = "2.1.1".equals(out.version());
        String url = receiver.get() + "/" + location.countryCode() + "/" + location.partyId() + "/" + location.id();
        Map<String, String> headers = v211 ? Map.of() : routing(partner);
        if (row.whole()) {
            JsonObject body = v211 ? V211Locations.location(location) : LocationsSender.json(location);
            client.push("PUT", url, out.credentials(), body, headers);
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
        return true;
    }

    /** OCPI 2.2.1 routing headers: from our party to the partner's. */
    private Map<String, String> routing(Partner partner) {
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

    private static JsonArray json(String endpoints) {
        if (endpoints == null || endpoints.isBlank()) {
            return Json.createArrayBuilder().build();
        }
        try (var reader = Json.createReader(new StringReader(endpoints))) {
            return reader.readArray();
        } catch (RuntimeException e) {
            return Json.createArrayBuilder().build();
        }
    }
}
