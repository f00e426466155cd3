package io.csms.ocpi.v211.cdrs;

import io.csms.location.LocationData;
import io.csms.ocpi.v211.locations.V211Locations;
import io.csms.ocpi.v211.tariffs.V211Tariffs;
import io.csms.platform.Jsonp;
import io.csms.roaming.cdrs.CdrData;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The OCPI 2.1.1 CDR object: {@code stop_date_time}, {@code auth_id}, the whole Location with only the
 * session's EVSE and connector (as the location is described now; without it, the CDR location's
 * fields), 2.1.1 tariffs, costs as numbers without VAT, the dimensions 2.1.1 knows. 2.1.1 has no
 * credit CDRs: a credit CDR goes as a CDR of its own id whose {@code total_cost} is negative and whose
 * {@code remark} names the CDR it cancels.
 */
public final class V211Cdrs {

    private static final Set<String> DIMENSIONS =
            Set.of("ENERGY", "FLAT", "MAX_CURRENT", "MIN_CURRENT", "PARKING_TIME", "TIME");

    private V211Cdrs() {}

    public static JsonObject cdr(CdrData cdr, Optional<LocationData> location) {
        JsonObjectBuilder json = Jsonp.JSON
                .createObjectBuilder()
                .add("id", cdr.id())
                .add("start_date_time", time(cdr.startDateTime()))
                .add("stop_date_time", time(cdr.endDateTime()))
                .add("auth_id", cdr.cdrToken().contractId())
                .add("auth_method", "COMMAND".equals(cdr.authMethod()) ? "WHITELIST" : cdr.authMethod())
                .add("location", location(cdr, location))
                .add("currency", cdr.currency());
        if (!cdr.tariffs().isEmpty()) {
            JsonArrayBuilder tariffs = Jsonp.JSON.createArrayBuilder();
            cdr.tariffs().forEach(t -> tariffs.add(V211Tariffs.tariff(t)));
            json.add("tariffs", tariffs);
        }
        JsonArrayBuilder periods = Jsonp.JSON.createArrayBuilder();
        for (CdrData.ChargingPeriod period : cdr.chargingPeriods()) {
            JsonArrayBuilder dimensions = Jsonp.JSON.createArrayBuilder();
            period.dimensions().stream()
                    .filter(d -> DIMENSIONS.contains(d.type()))
                    .forEach(d -> dimensions.add(Jsonp.JSON
                            .createObjectBuilder()
                            .add("type", d.type())
                            .add("volume", d.volume())));
            periods.add(Jsonp.JSON
                    .createObjectBuilder()
                    .add("start_date_time", time(period.startDateTime()))
                    .add("dimensions", dimensions));
        }
        json.add("charging_periods", periods)
                .add("total_cost", cdr.totalCost().exclVat())
                .add("total_energy", cdr.totalEnergy())
                .add("total_time", cdr.totalTime());
        if (cdr.totalParkingTime() != null) {
            json.add("total_parking_time", cdr.totalParkingTime());
        }
        if (Boolean.TRUE.equals(cdr.credit())) {
            // 2.1.1 has no credit CDR: a CDR of its own id with the negative cost, saying what it credits
            json.add("remark", "Credit CDR: cancels CDR " + cdr.creditReferenceId());
        }
        return json.add("last_updated", time(cdr.lastUpdated())).build();
    }

    private static JsonObject location(CdrData cdr, Optional<LocationData> described) {
        CdrData.CdrLocation at = cdr.cdrLocation();
        Optional<LocationData.Evse> evse = described.flatMap(l ->
                l.evses().stream().filter(e -> e.uid().equals(at.evseUid())).findFirst());
        if (described.isPresent() && evse.isPresent()) {
            LocationData.Evse used = evse.get();
            List<LocationData.Connector> connectors = used.connectors().stream()
                    .filter(c -> c.id().equals(at.connectorId()))
                    .toList();
            return V211Locations.location(described
                    .get()
                    .withEvses(List.of(used.with(
                            used.status(),
                            used.lastUpdated(),
                            connectors.isEmpty() ? used.connectors() : connectors,
                            null))));
        }
        JsonObjectBuilder location = Jsonp.JSON
                .createObjectBuilder()
                .add("id", at.id())
                .add("type", "OTHER")
                .add("address", at.address())
                .add("city", at.city())
                .add("postal_code", at.postalCode() == null ? "" : at.postalCode())
                .add("country", at.country())
                .add(
                        "coordinates",
                        Jsonp.JSON
                                .createObjectBuilder()
                                .add("latitude", at.coordinates().latitude())
                                .add("longitude", at.coordinates().longitude()));
        if (at.name() != null) {
            location.add("name", at.name());
        }
        return location.add("last_updated", time(cdr.lastUpdated())).build();
    }

    private static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
