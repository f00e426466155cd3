package io.csms.location;

import io.csms.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The field rules of OCPI 2.2.1 Locations (the constraints on {@link LocationData}) and the ones
 * between fields that the spec states in words, applied to what an operator describes and to what we
 * send. A broken rule is a 400 naming the field (snake_case, as in the JSON).
 */
@ApplicationScoped
public class LocationRules {

    /**
     * Location ids, EVSE uids and connector ids are path segments of OCPI URLs: we allow of
     * CiString(36) only what needs no encoding there.
     */
    static final String PATH_SAFE_ID = "[A-Za-z0-9._-]{1,36}";

    @Inject
    Validator validator;

    public LocationRules() {}

    /** For tests outside a container. */
    public LocationRules(Validator validator) {
        this.validator = validator;
    }

    void checkId(String id) {
        if (id == null || !id.matches(PATH_SAFE_ID)) {
            throw invalid("id: 1 to 36 letters, digits, '.', '_' or '-'");
        }
    }

    LocationData parse(String json) {
        return read(json, LocationData.class, "Location", "invalid-location");
    }

    /**
     * Reads an operator's OCPI 2.2.1 object ({@code name} in messages); what is not JSON of that
     * shape is a 400 of type {@code refusal}.
     */
    public static <T> T read(String json, Class<T> type, String name, String refusal) {
        if (json == null || json.isBlank()) {
            throw new Refusal(Refusal.Kind.INVALID, refusal, "The body must be an OCPI 2.2.1 " + name);
        }
        try {
            return LocationJson.read(json, type);
        } catch (LocationJson.NotTheShape e) {
            String reason = e.getMessage() == null ? "" : e.getMessage();
            throw new Refusal(
                    Refusal.Kind.INVALID,
                    refusal,
                    "Not an OCPI 2.2.1 " + name + ": "
                            + (reason.length() > 300 ? reason.substring(0, 300) + "..." : reason));
        }
    }

    /** The first broken field rules, named by their JSON fields (snake_case); null when none is broken. */
    public static String broken(Set<? extends ConstraintViolation<?>> violations) {
        if (violations.isEmpty()) {
            return null;
        }
        return violations.stream()
                .map(v -> snake(v.getPropertyPath().toString()) + ": " + v.getMessage())
                .sorted()
                .limit(10)
                .collect(Collectors.joining("; "));
    }

    LocationData.OcppConnector ocppOf(LocationData.Evse evse) {
        String uid = evse.uid() == null ? "?" : evse.uid();
        if (evse.ocpp() == null
                || evse.ocpp().chargePointId() == null
                || evse.ocpp().connectorId() == null) {
            throw invalid("evses[" + uid + "].ocpp: the OCPP charger and connector the EVSE is"
                    + " ({\"charge_point_id\": ..., \"connector_id\": 1})");
        }
        return evse.ocpp();
    }

    /** Every rule of the spec for a whole location as we would send it; the first ones broken are named. */
    public void check(LocationData location) {
        String broken = broken(validator.validate(location));
        if (broken != null) {
            throw invalid(broken);
        }
        try {
            ZoneId.of(location.timeZone());
        } catch (DateTimeException e) {
            throw invalid("time_zone: not an IANA time zone such as Europe/Amsterdam");
        }
        range("coordinates.latitude", location.coordinates().latitude(), 90);
        range("coordinates.longitude", location.coordinates().longitude(), 180);
        if (location.publishAllowedTo() != null && !location.publishAllowedTo().isEmpty()) {
            if (location.publish()) {
                throw invalid("publish_allowed_to: only for a location that is not published (publish false)");
            }
            location.publishAllowedTo().forEach(LocationRules::checkToken);
        }
        if (location.openingTimes() != null) {
            checkHours(location.openingTimes());
        }
        Set<String> uids = new HashSet<>();
        Set<String> evseIds = new HashSet<>();
        Set<String> connectors = new HashSet<>();
        for (LocationData.Evse evse : location.evses() == null ? List.<LocationData.Evse>of() : location.evses()) {
            String at = "evses[" + evse.uid() + "]";
            if (!evse.uid().matches(PATH_SAFE_ID)) {
                throw invalid(at + ".uid: 1 to 36 letters, digits, '.', '_' or '-'");
            }
            if (!uids.add(evse.uid())) {
                throw invalid(at + ".uid: two EVSEs with one uid");
            }
            if (evse.evseId() != null && !evseIds.add(evse.evseId().toUpperCase(Locale.ROOT))) {
                throw invalid(at + ".evse_id: two EVSEs with one evse_id");
            }
            if (evse.ocpp() != null
                    && !connectors.add(
                            evse.ocpp().chargePointId() + "#" + evse.ocpp().connectorId())) {
                throw invalid(at + ".ocpp: two EVSEs on one OCPP connector");
            }
            if (evse.coordinates() != null) {
                range(at + ".coordinates.latitude", evse.coordinates().latitude(), 90);
                range(at + ".coordinates.longitude", evse.coordinates().longitude(), 180);
            }
            Set<String> ids = new HashSet<>();
            for (LocationData.Connector connector : evse.connectors()) {
                if (!connector.id().matches(PATH_SAFE_ID) || !ids.add(connector.id())) {
                    throw invalid(at + ".connectors.id: unique within the EVSE, letters, digits, '.', '_' or '-'");
                }
            }
        }
    }

    /** EVSEs in use elsewhere: an uid, an evse_id or an OCPP connector belongs to one location. */
    void checkUnique(EntityManager em, String locationId, List<LocationData.Evse> evses) {
        for (LocationData.Evse evse : evses) {
            List<?> taken = em.createNativeQuery("""
                    select location_id from evse
                    where status <> 'REMOVED' and location_id <> ?1
                      and (uid = ?2 or upper(evse_id) = upper(?3) or (charger_id = ?4 and connector_id = ?5))
                    limit 1""")
                    .setParameter(1, locationId)
                    .setParameter(2, evse.uid())
                    .setParameter(3, evse.evseId() == null ? "" : evse.evseId())
                    .setParameter(4, evse.ocpp().chargePointId())
                    .setParameter(5, evse.ocpp().connectorId())
                    .getResultList();
            if (!taken.isEmpty()) {
                throw new Refusal(
                        Refusal.Kind.CONFLICT,
                        "evse-in-use",
                        "evses[" + evse.uid() + "]: its uid, evse_id or OCPP connector belongs to location "
                                + taken.get(0));
            }
        }
    }

    // OCPI 2.2.1 PublishTokenType: uid, visual_number or group_id; a uid with its type, a visual number with its issuer
    private static void checkToken(LocationData.PublishToken token) {
        if (token.uid() == null && token.visualNumber() == null && token.groupId() == null) {
            throw invalid("publish_allowed_to: each entry needs uid, visual_number or group_id");
        }
        if (token.uid() != null && token.type() == null) {
            throw invalid("publish_allowed_to.type: required with uid");
        }
        if (token.visualNumber() != null && token.issuer() == null) {
            throw invalid("publish_allowed_to.issuer: required with visual_number");
        }
    }

    private static void checkHours(LocationData.Hours hours) {
        List<LocationData.RegularHours> regular = hours.regularHours() == null ? List.of() : hours.regularHours();
        if (hours.twentyfourseven() && !regular.isEmpty()) {
            throw invalid("opening_times.regular_hours: only when twentyfourseven is false");
        }
        for (LocationData.RegularHours period : regular) {
            if (period.periodEnd().compareTo(period.periodBegin()) <= 0) {
                throw invalid("opening_times.regular_hours.period_end: must be later than period_begin");
            }
        }
    }

    private static void range(String field, String degrees, int limit) {
        if (new BigDecimal(degrees).abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            throw invalid(field + ": beyond " + limit + " degrees");
        }
    }

    /** {@code evses[0].connectors[1].maxVoltage} → {@code evses[0].connectors[1].max_voltage}. */
    public static String snake(String path) {
        return path.replaceAll("<[^>]*>", "")
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }

    private static Refusal invalid(String message) {
        return new Refusal(Refusal.Kind.INVALID, "invalid-location", message);
    }
}
