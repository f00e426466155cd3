package io.csms.roaming;

import io.csms.platform.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The OCPI credentials object, the one piece of wire format the handshake itself must speak in both
 * directions: 2.2.1 names the party in {@code roles[]}, 2.1.1 at the top level.
 */
public final class CredentialsObjects {

    /** Who we are in OCPI. */
    public record OurParty(String countryCode, String partyId, String businessName) {}

    /** What a partner's credentials say: its token for us, its versions URL, its roles. */
    public record Theirs(String token, String url, List<Partner.PartyRole> roles) {}

    private CredentialsObjects() {}

    public static JsonObject ours(String version, String token, String versionsUrl, OurParty party) {
        JsonObject business = Jsonp.JSON
                .createObjectBuilder()
                .add("name", party.businessName())
                .build();
        if (OcpiVersion.is211(version)) {
            return Jsonp.JSON
                    .createObjectBuilder()
                    .add("token", token)
                    .add("url", versionsUrl)
                    .add("business_details", business)
                    .add("party_id", party.partyId())
                    .add("country_code", party.countryCode())
                    .build();
        }
        return Jsonp.JSON
                .createObjectBuilder()
                .add("token", token)
                .add("url", versionsUrl)
                .add(
                        "roles",
                        Jsonp.JSON
                                .createArrayBuilder()
                                .add(Jsonp.JSON
                                        .createObjectBuilder()
                                        .add("role", "CPO")
                                        .add("business_details", business)
                                        .add("party_id", party.partyId())
                                        .add("country_code", party.countryCode())))
                .build();
    }

    /** The partner's credentials, or empty when a required field is missing or malformed. */
    public static Optional<Theirs> parse(String version, JsonValue value) {
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.empty();
        }
        JsonObject json = value.asJsonObject();
        String token = string(json, "token", 64);
        String url = string(json, "url", 255);
        if (token == null || url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return Optional.empty();
        }
        List<Partner.PartyRole> roles = new ArrayList<>();
        if (OcpiVersion.is211(version)) {
            Partner.PartyRole role = role(json, "EMSP");
            if (role == null) {
                return Optional.empty();
            }
            roles.add(role);
        } else {
            JsonValue list = json.get("roles");
            if (list == null
                    || list.getValueType() != JsonValue.ValueType.ARRAY
                    || list.asJsonArray().isEmpty()) {
                return Optional.empty();
            }
            for (JsonValue item : list.asJsonArray()) {
                Partner.PartyRole role =
                        item.getValueType() == JsonValue.ValueType.OBJECT ? role(item.asJsonObject(), null) : null;
                if (role == null) {
                    return Optional.empty();
                }
                roles.add(role);
            }
        }
        return Optional.of(new Theirs(token, url, List.copyOf(roles)));
    }

    /** The versions list: {@code [{version, url}]} → the URL of {@code version}, if offered. */
    public static Optional<String> versionUrl(JsonValue versions, String version) {
        if (versions == null || versions.getValueType() != JsonValue.ValueType.ARRAY) {
            return Optional.empty();
        }
        for (JsonValue v : versions.asJsonArray()) {
            if (v.getValueType() == JsonValue.ValueType.OBJECT
                    && version.equals(string(v.asJsonObject(), "version", 10))) {
                return Optional.ofNullable(string(v.asJsonObject(), "url", 255));
            }
        }
        return Optional.empty();
    }

    /** The version details' endpoints ({@code {version, endpoints: [...]}}), or empty when malformed. */
    public static Optional<JsonArray> endpoints(JsonValue details) {
        if (details == null || details.getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.empty();
        }
        JsonValue endpoints = details.asJsonObject().get("endpoints");
        return endpoints != null && endpoints.getValueType() == JsonValue.ValueType.ARRAY
                ? Optional.of(endpoints.asJsonArray())
                : Optional.empty();
    }

    /** The endpoints a partner listed, as stored at its registration (empty when none or unreadable). */
    public static JsonArray storedEndpoints(String stored) {
        if (stored == null || stored.isBlank()) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        try (var reader = Jsonp.JSON.createReader(new java.io.StringReader(stored))) {
            return reader.readArray();
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
    }

    /** The URL of a module in one interface role among 2.2.1 endpoints; 2.1.1 entries have no role and match any. */
    public static Optional<String> endpoint(JsonArray endpoints, String module, String role) {
        for (JsonValue e : endpoints) {
            if (e.getValueType() == JsonValue.ValueType.OBJECT
                    && module.equals(string(e.asJsonObject(), "identifier", 32))) {
                String theirs = string(e.asJsonObject(), "role", 8);
                if (theirs == null || theirs.equals(role)) {
                    return Optional.ofNullable(string(e.asJsonObject(), "url", 255));
                }
            }
        }
        return Optional.empty();
    }

    /** The URL of a module among endpoints (2.2.1 entries have a role; the credentials module any). */
    public static Optional<String> endpoint(JsonArray endpoints, String module) {
        for (JsonValue e : endpoints) {
            if (e.getValueType() == JsonValue.ValueType.OBJECT
                    && module.equals(string(e.asJsonObject(), "identifier", 32))) {
                return Optional.ofNullable(string(e.asJsonObject(), "url", 255));
            }
        }
        return Optional.empty();
    }

    private static Partner.PartyRole role(JsonObject json, String defaultRole) {
        String roleName = defaultRole != null ? defaultRole : string(json, "role", 8);
        String cc = string(json, "country_code", 2);
        String pid = string(json, "party_id", 3);
        if (roleName == null || cc == null || pid == null || !cc.matches("[A-Z]{2}") || !pid.matches("[A-Z0-9]{3}")) {
            return null;
        }
        Partner.Role role;
        try {
            role = Partner.Role.valueOf(roleName);
        } catch (IllegalArgumentException e) {
            return null;
        }
        JsonValue business = json.get("business_details");
        String details =
                business != null && business.getValueType() == JsonValue.ValueType.OBJECT ? business.toString() : null;
        // name, website, logo: a few hundred characters; anything far larger is not kept (review L12)
        return new Partner.PartyRole(role, cc, pid, details != null && details.length() > 10_000 ? null : details);
    }

    private static String string(JsonObject json, String name, int maxLength) {
        JsonValue value = json.get(name);
        if (value instanceof JsonString s
                && !s.getString().isEmpty()
                && s.getString().length() <= maxLength) {
            return s.getString();
        }
        return null;
    }
}
