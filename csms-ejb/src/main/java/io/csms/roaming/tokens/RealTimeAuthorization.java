package io.csms.roaming.tokens;

import io.csms.location.Locations;
import io.csms.platform.Jsonp;
import io.csms.roaming.CredentialsObjects;
import io.csms.roaming.OcpiClient;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.PartnerTokens;
import io.csms.roaming.Registrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks an eMSP whether its token may charge at a charger (OCPI real-time authorization:
 * {@code POST {tokens}/{uid}/authorize?type=} with the charger's LocationReferences). The question
 * is asked without waiting on the caller's thread and answered within
 * {@code csms.ocpi.authorization.timeout}; no answer in time, no usable answer, or no Tokens Sender
 * endpoint at the eMSP is "no answer", and the caller decides by the token's whitelist. An answer is
 * kept for {@code csms.ocpi.authorization.cache} per token and charger, so the StartTransaction
 * that follows an Authorize is not asked again, and carries the same authorization reference.
 */
@ApplicationScoped
public class RealTimeAuthorization {

    private static final Logger LOG = Logger.getLogger(RealTimeAuthorization.class.getName());

    /** Answers kept at most; past this the expired ones go, and if that is not enough, all. */
    static final int CACHE_LIMIT = 50_000;

    /** OCPI AllowedType, and UNKNOWN when the eMSP says it does not know the token (404, or 2004). */
    public enum Allowed {
        ALLOWED,
        BLOCKED,
        EXPIRED,
        NO_CREDIT,
        NOT_ALLOWED,
        UNKNOWN
    }

    /** The eMSP's word on a token: allowed or why not, and its reference for the session (2.2.1). */
    public record Answer(Allowed allowed, String authorizationReference) {}

    private record Kept(Answer answer, Instant until) {}

    @Inject
    PartnerTokens partnerTokens;

    @Inject
    Registrations registrations;

    @Inject
    Locations locations;

    @Inject
    OcpiClient client;

    @Inject
    @ConfigProperty(name = "csms.ocpi.authorization.timeout", defaultValue = "PT3S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "csms.ocpi.authorization.cache", defaultValue = "PT1M")
    Duration cacheFor;

    private final Map<String, Kept> answers = new ConcurrentHashMap<>();

    /** How long an answer is kept: also how long a charger may keep the verdict in its cache. */
    public Duration cacheFor() {
        return cacheFor;
    }

    /**
     * The eMSP's answer on {@code token} at {@code chargerId}, or empty when it gave none in time.
     * The stored data is read on the caller's thread; the question itself waits on no thread. Never
     * fails.
     */
    public CompletionStage<Optional<Answer>> ask(RoamingTokens.Stored token, String chargerId) {
        String key = token.id() + "|" + chargerId;
        Kept kept = answers.get(key);
        if (kept != null && kept.until().isAfter(Instant.now())) {
            return CompletableFuture.completedFuture(Optional.of(kept.answer()));
        }
        Optional<PartnerTokens.Outgoing> out = partnerTokens.outgoing(token.partnerId());
        Optional<String> tokensUrl = out.flatMap(o ->
                CredentialsObjects.endpoint(CredentialsObjects.storedEndpoints(o.endpoints()), "tokens", "SENDER"));
        if (tokensUrl.isEmpty()) {
            LOG.fine(() -> "Partner " + token.partnerId() + " has no Tokens Sender endpoint to ask");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        TokenData data = token.token();
        String url = tokensUrl.get() + (tokensUrl.get().endsWith("/") ? "" : "/")
                + URLEncoder.encode(data.uid(), StandardCharsets.UTF_8).replace("+", "%20") + "/authorize?type="
                + data.type().name();
        boolean v211 = OcpiVersion.is211(out.get().version());
        return client.callAsync(
                        "POST",
                        url,
                        out.get().credentials(),
                        locationReferences(chargerId),
                        v211 ? Map.of() : routing(data),
                        timeout)
                .handle((answer, error) -> {
                    Optional<Answer> read = error == null ? read(answer, v211) : unanswered(token, error);
                    read.ifPresent(a -> keep(key, a));
                    return read;
                });
    }

    /** The charger's location and EVSE uids (OCPI LocationReferences), or no body when it has none. */
    private JsonObject locationReferences(String chargerId) {
        return locations
                .referencesOf(chargerId)
                .map(r -> Jsonp.JSON
                        .createObjectBuilder()
                        .add("location_id", r.locationId())
                        .add("evse_uids", Jsonp.JSON.createArrayBuilder(r.evseUids()))
                        .build())
                .orElse(null);
    }

    /** From our party to the token's (a hub forwards it to the eMSP behind it). */
    private Map<String, String> routing(TokenData token) {
        Map<String, String> headers = new LinkedHashMap<>();
        var ours = registrations.ourParty();
        headers.put("OCPI-from-country-code", ours.countryCode());
        headers.put("OCPI-from-party-id", ours.partyId());
        headers.put("OCPI-to-country-code", token.countryCode());
        headers.put("OCPI-to-party-id", token.partyId());
        return headers;
    }

    /** An AuthorizationInfo: its {@code allowed} and (2.2.1) {@code authorization_reference}; empty when unreadable. */
    static Optional<Answer> read(JsonValue data, boolean v211) {
        if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.empty();
        }
        JsonObject info = data.asJsonObject();
        if (!(info.get("allowed") instanceof JsonString allowed)) {
            return Optional.empty();
        }
        Allowed value;
        try {
            value = Allowed.valueOf(allowed.getString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (value == Allowed.UNKNOWN) {
            return Optional.empty();
        }
        String reference = null;
        if (!v211 && info.get("authorization_reference") instanceof JsonString ref) {
            String text = ref.getString();
            reference = !text.isEmpty() && text.length() <= 36 && text.matches("[\\x20-\\x7E]+") ? text : null;
        }
        return Optional.of(new Answer(value, reference));
    }

    /** A 404 or a 2004 is the eMSP's answer that it does not know the token; anything else is no answer. */
    private static Optional<Answer> unanswered(RoamingTokens.Stored token, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof OcpiClient.CallFailed failed
                && (failed.httpStatus() == 404 || failed.ocpiStatus() == 2004)) {
            return Optional.of(new Answer(Allowed.UNKNOWN, null));
        }
        // without the URL, which names the token
        LOG.info(() -> "Real-time authorization by partner " + token.partnerId() + " gave no answer ("
                + (cause instanceof OcpiClient.CallFailed failed
                        ? failed.httpStatus() != 0
                                ? "HTTP " + failed.httpStatus()
                                : failed.ocpiStatus() != 0
                                        ? "OCPI status " + failed.ocpiStatus()
                                        : failed.reachable() ? "not an OCPI answer" : "unreachable or too slow"
                        : cause.getClass().getSimpleName())
                + ")");
        return Optional.empty();
    }

    private void keep(String key, Answer answer) {
        if (answers.size() >= CACHE_LIMIT) {
            Instant now = Instant.now();
            answers.values().removeIf(k -> !k.until().isAfter(now));
            if (answers.size() >= CACHE_LIMIT) {
                answers.clear();
            }
        }
        answers.put(key, new Kept(answer, Instant.now().plus(cacheFor)));
    }
}
