package io.csms.roaming;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.platform.Jsonp;
import io.csms.platform.OurParty;
import io.csms.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A partner's onboarding checklist: its OCPI endpoint over TLS, the credentials exchanged, the
 * modules granted, a test call of each of its modules, and the optional second secret and client
 * certificate, each with its state. The test calls are made on the caller's thread, outside any
 * transaction, with the partner's token as every call of ours carries it, and audited.
 */
@ApplicationScoped
public class Onboarding {

    /** Where a step stands. */
    public enum State {
        DONE,
        TO_DO,
        FAILED,
        OPTIONAL
    }

    /** One step of the checklist. */
    public record Step(String name, State state, String detail) implements Serializable {}

    /** What a test call of one of the partner's modules gave. */
    public record Probe(String module, String role, String url, boolean ok, String detail) implements Serializable {}

    /** The id of the object a test call asks a receiver for: one it cannot know. */
    static final String PROBE_ID = "csms-onboarding-probe";

    @Inject
    Partners partners;

    @Inject
    PartnerTokens tokens;

    @Inject
    OcpiClient client;

    @Inject
    OurParty ours;

    @Inject
    AuditTrail audit;

    /** The checklist; {@code probes}: the results of the last test calls, if any were made. */
    public List<Step> checklist(long partnerId, List<Probe> probes) {
        Partner partner = partners.find(partnerId)
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown-partner", "No partner " + partnerId));
        List<Step> steps = new ArrayList<>();
        String url = partner.versionsUrl();
        if (url == null || url.isBlank()) {
            steps.add(new Step(
                    "Their OCPI endpoint over TLS",
                    State.TO_DO,
                    "No versions URL yet: register with the partner, or hand it our token A"));
        } else if (url.regionMatches(true, 0, "https://", 0, 8)) {
            steps.add(new Step("Their OCPI endpoint over TLS", State.DONE, url));
        } else {
            steps.add(new Step(
                    "Their OCPI endpoint over TLS",
                    State.FAILED,
                    url + " is plain HTTP (only a test bench allows it: csms.ocpi.allow-plain-http)"));
        }
        steps.add(
                switch (partner.status()) {
                    case REGISTERED ->
                        new Step(
                                "Credentials exchanged",
                                State.DONE,
                                "OCPI " + partner.version() + ", last contact "
                                        + (partner.lastContactAt() == null ? "never" : partner.lastContactAt()));
                    case PLANNED ->
                        new Step(
                                "Credentials exchanged",
                                State.TO_DO,
                                "Not yet: the partner has not registered, nor we with it");
                    default -> new Step("Credentials exchanged", State.FAILED, "The partner is " + partner.status());
                });
        steps.add(
                partner.allowedModules().isEmpty()
                        ? new Step(
                                "Modules granted",
                                State.TO_DO,
                                "None but the configuration modules: grant the modules it may use")
                        : new Step("Modules granted", State.DONE, String.join(", ", partner.allowedModules())));
        if (probes == null || probes.isEmpty()) {
            steps.add(new Step(
                    "A test call of each of its modules",
                    State.TO_DO,
                    partner.status() == Partner.Status.REGISTERED
                            ? "Not made yet: test each module"
                            : "Possible once the credentials are exchanged"));
        } else {
            long failed = probes.stream().filter(p -> !p.ok()).count();
            steps.add(new Step(
                    "A test call of each of its modules",
                    failed == 0 ? State.DONE : State.FAILED,
                    failed == 0
                            ? probes.size() + " modules answered"
                            : failed + " of " + probes.size() + " modules did not answer as they should"));
        }
        steps.add(
                partner.totpIncomingRequired() || partner.totpOutgoing()
                        ? new Step(
                                "TOTP second secret",
                                State.DONE,
                                (partner.totpIncomingRequired()
                                                ? "required of its requests"
                                                : "not asked of its requests")
                                        + "; " + (partner.totpOutgoing() ? "sent with ours" : "not sent with ours"))
                        : new Step("TOTP second secret", State.OPTIONAL, "Not agreed (optional)"));
        steps.add(
                partner.clientCertificateSha256() == null
                        ? new Step("Client certificate", State.OPTIONAL, "No certificate pinned (optional)")
                        : new Step(
                                "Client certificate",
                                State.DONE,
                                "Its requests must present the certificate SHA-256 "
                                        + partner.clientCertificateSha256()));
        return steps;
    }

    /**
     * Calls each module the partner lists: a sender's list (one object), a receiver's object of an
     * id it cannot know (its "unknown object" answer shows it reached the module and took our token),
     * its credentials. Commands are not called: their results go to each command's own URL.
     */
    public List<Probe> testCalls(long partnerId, String actor, String clientAddress) {
        PartnerTokens.Outgoing out = tokens.outgoing(partnerId)
                .orElseThrow(() -> new Refusal(
                        Refusal.Kind.CONFLICT, "not-registered", "No token to call the partner with: not registered"));
        List<Probe> probes = new ArrayList<>();
        String correlation = UUID.randomUUID().toString();
        for (JsonValue value : endpoints(out.endpoints())) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                continue;
            }
            JsonObject endpoint = value.asJsonObject();
            String module = endpoint.getString("identifier", "");
            String url = endpoint.getString("url", "");
            String role = endpoint.getString("role", module.equals("tokens") ? "SENDER" : "RECEIVER");
            if (module.equals("commands") || url.isBlank()) {
                continue;
            }
            boolean list = module.equals("credentials") || role.equals("SENDER");
            String target = list
                    ? url + (module.equals("credentials") ? "" : (url.contains("?") ? "&" : "?") + "limit=1")
                    : url.replaceAll("/+$", "") + "/" + ours.countryCode() + "/" + ours.partyId() + "/" + PROBE_ID;
            probes.add(probe(module, role, target, list, out, correlation));
        }
        long failed = probes.stream().filter(p -> !p.ok()).count();
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                "ocpi.partner.test",
                "partner:" + partnerId,
                failed == 0 ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE,
                clientAddress,
                probes.size() + " modules called, " + failed + " did not answer as they should"));
        return probes;
    }

    private Probe probe(
            String module, String role, String url, boolean list, PartnerTokens.Outgoing out, String correlation) {
        try {
            client.get(url, out.credentials(), correlation);
            return new Probe(module, role, url, true, "answered 1000");
        } catch (OcpiClient.CallFailed e) {
            if (!e.reachable()) {
                return new Probe(module, role, url, false, "not reachable: " + e.getMessage());
            }
            if (e.httpStatus() == 401 || e.httpStatus() == 403) {
                return new Probe(module, role, url, false, "refused our token (HTTP " + e.httpStatus() + ")");
            }
            // a receiver that does not know the object answers 404 (most) or an OCPI 2xxx status
            boolean unknownObject = !list
                    && (e.httpStatus() == 404
                            || (e.httpStatus() < 500 && e.ocpiStatus() >= 2000 && e.ocpiStatus() < 3000));
            return new Probe(
                    module,
                    role,
                    url,
                    unknownObject,
                    unknownObject
                            ? "reached, our token taken (the test object is unknown to it: "
                                    + (e.ocpiStatus() == 0 ? "HTTP " + e.httpStatus() : "OCPI " + e.ocpiStatus()) + ")"
                            : "answered " + (e.httpStatus() == 0 ? "" : "HTTP " + e.httpStatus() + " ")
                                    + (e.ocpiStatus() == 0 ? "" : "OCPI " + e.ocpiStatus() + " ")
                                    + e.getMessage().toLowerCase(Locale.ROOT));
        }
    }

    private static JsonArray endpoints(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        try (var reader = Jsonp.JSON.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray() : JsonValue.EMPTY_JSON_ARRAY;
        }
    }
}
