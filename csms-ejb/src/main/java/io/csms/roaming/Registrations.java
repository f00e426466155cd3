package io.csms.roaming;

import io.csms.platform.Jsonp;
import io.csms.platform.OurParty;
import io.csms.platform.Refusal;
import io.csms.roaming.access.PartnerPrincipal;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OCPI credentials handshake, both ways: a partner registering with us (POST/PUT/DELETE on our
 * credentials module) and us registering with a partner (an admin's action). Runs outside any
 * transaction: the partner's API is called between committed steps, so a token we hand out already
 * works when the partner, still inside our call, uses it; and a failed step undoes what came before.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Registrations {

    /** The answer to a partner's credentials request: our credentials, or an OCPI error. */
    public sealed interface Answer permits Answer.Ours, Answer.Error {
        record Ours(JsonObject credentials) implements Answer {}

        record Error(int httpStatus, int statusCode, String message) implements Answer {}
    }

    @Inject
    Partners partners;

    @Inject
    PartnerTokens tokens;

    @Inject
    OcpiClient client;

    @Inject
    HandshakeGate gate;

    /** How long a partner's credentials request may spend calling it back. */
    @Inject
    @ConfigProperty(name = "csms.ocpi.handshake-timeout", defaultValue = "PT20S")
    Duration handshakeTimeout;

    @Inject
    OurParty ours;

    public CredentialsObjects.OurParty ourParty() {
        return new CredentialsObjects.OurParty(ours.countryCode(), ours.partyId(), ours.businessName());
    }

    // OCPI 2.2.1 credentials, server side ------------------------------------------------------------

    /** POST: register. 405 when already registered; 3001 when their API cannot be used; 3003 when no endpoints match. */
    public Answer register(PartnerPrincipal caller, String version, JsonValue body, String ourVersionsUrl) {
        if (caller.status() == Partner.Status.REGISTERED) {
            return new Answer.Error(405, 2000, "Already registered: use PUT to update, DELETE to unregister");
        }
        return handshake(caller, version, body, ourVersionsUrl, "register");
    }

    /** PUT: new token and endpoints (and perhaps another version). 405 when not registered. */
    public Answer update(PartnerPrincipal caller, String version, JsonValue body, String ourVersionsUrl) {
        if (caller.status() != Partner.Status.REGISTERED || caller.registrationToken()) {
            return new Answer.Error(405, 2000, "Not registered: use POST to register");
        }
        return handshake(caller, version, body, ourVersionsUrl, "update");
    }

    /** DELETE: unregister. 405 when not registered. */
    public Answer unregister(PartnerPrincipal caller) {
        if (caller.status() != Partner.Status.REGISTERED || caller.registrationToken()) {
            return new Answer.Error(405, 2000, "Not registered");
        }
        partners.unregistered(caller.partnerId(), caller.actor());
        return new Answer.Ours(null);
    }

    private Answer handshake(
            PartnerPrincipal caller, String version, JsonValue body, String ourVersionsUrl, String kind) {
        Optional<CredentialsObjects.Theirs> parsed = CredentialsObjects.parse(version, body);
        if (parsed.isEmpty()) {
            return new Answer.Error(
                    400,
                    2001,
                    "Invalid credentials object: token, url and the party's country_code/party_id are required");
        }
        Optional<AutoCloseable> pass = gate.enter(caller.partnerId());
        if (pass.isEmpty()) {
            return new Answer.Error(429, 2000, "A credentials exchange is already under way; try again later");
        }
        try (AutoCloseable ignored = pass.get()) {
            return handshake(caller, version, parsed.get(), ourVersionsUrl, kind);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Calls the partner back within {@code csms.ocpi.handshake-timeout}. What went wrong is audited
     * in full; the partner hears only which step failed, never our error text (which would make the
     * handshake a probe of what answers where).
     */
    private Answer handshake(
            PartnerPrincipal caller,
            String version,
            CredentialsObjects.Theirs theirs,
            String ourVersionsUrl,
            String kind) {
        Instant deadline = Instant.now().plus(handshakeTimeout);
        OcpiClient.Credentials asThem = new OcpiClient.Credentials(
                theirs.token(), !OcpiVersion.is211(version), tokens.totpOutgoingSecret(caller.partnerId()));
        String correlation = UUID.randomUUID().toString();
        JsonArray endpoints;
        try {
            Optional<String> detailsUrl =
                    CredentialsObjects.versionUrl(client.get(theirs.url(), asThem, correlation, deadline), version);
            if (detailsUrl.isEmpty()) {
                return failed(caller, kind, 3003, "Your versions do not include " + version, null);
            }
            Optional<JsonArray> found =
                    CredentialsObjects.endpoints(client.get(detailsUrl.get(), asThem, correlation, deadline));
            if (found.isEmpty()
                    || CredentialsObjects.endpoint(found.get(), "credentials").isEmpty()) {
                return failed(
                        caller,
                        kind,
                        3003,
                        "Your version details for " + version + " have no credentials endpoint",
                        null);
            }
            endpoints = found.get();
        } catch (OcpiClient.CallFailed e) {
            return failed(
                    caller,
                    kind,
                    3001,
                    "Cannot use your API: your versions or version details could not be read",
                    e.getMessage());
        }
        String token = tokens.issueServerToken(caller.partnerId());
        try {
            partners.registered(
                    caller.partnerId(),
                    version,
                    theirs.url(),
                    endpoints.toString(),
                    theirs.roles(),
                    theirs.token(),
                    caller.actor());
        } catch (Refusal e) {
            tokens.discardServerToken(caller.partnerId(), token);
            partners.failure(caller.partnerId(), "ocpi.credentials." + kind, caller.actor(), e.getMessage());
            return new Answer.Error(400, 2001, e.getMessage());
        }
        return new Answer.Ours(CredentialsObjects.ours(version, token, ourVersionsUrl, ourParty()));
    }

    /** {@code message} goes to the partner; {@code detail} (what our client saw) only to the audit trail. */
    private Answer failed(PartnerPrincipal caller, String kind, int code, String message, String detail) {
        partners.failure(
                caller.partnerId(),
                "ocpi.credentials." + kind,
                caller.actor(),
                detail == null ? message : message + ": " + detail);
        return new Answer.Error(200, code, message);
    }

    // Us registering with a partner (admin actions) ------------------------------------------------

    /** Registers with a partner given its versions URL and the token A it gave us; the highest mutual version wins. */
    public Partner registerWith(
            long partnerId, String versionsUrl, String registrationToken, String ourVersionsUrl, String actor) {
        Partner partner = partners.existing(partnerId);
        if (partner.status() == Partner.Status.REGISTERED || partner.status() == Partner.Status.REVOKED) {
            throw new Refusal(
                    Refusal.Kind.CONFLICT,
                    "partner-" + partner.status().name().toLowerCase(),
                    "The partner is " + partner.status().name().toLowerCase());
        }
        String totp = tokens.totpOutgoingSecret(partnerId);
        String correlation = UUID.randomUUID().toString();
        OcpiClient.Credentials withA = new OcpiClient.Credentials(registrationToken, partner.sendTokenBase64(), totp);
        JsonValue versions;
        try {
            versions = client.get(versionsUrl, withA, correlation);
        } catch (OcpiClient.CallFailed e) {
            if (e.httpStatus() != 401 || !withA.base64()) {
                throw upstream(partnerId, actor, "partner-unusable", e.getMessage());
            }
            // before the version is known: a 2.1.1 platform reads the token itself, not its base64 form
            withA = new OcpiClient.Credentials(registrationToken, false, totp);
            OcpiClient.Credentials plain = withA;
            versions = call(partnerId, actor, () -> client.get(versionsUrl, plain, correlation));
        }
        JsonValue offered = versions;
        String version = partner.ocpiVersions().stream()
                .filter(v -> CredentialsObjects.versionUrl(offered, v).isPresent())
                .max(Registrations::compareVersions)
                .orElseThrow(() -> upstream(
                        partnerId, actor, "no-mutual-version", "The partner offers none of " + partner.ocpiVersions()));
        OcpiClient.Credentials asPartner =
                OcpiVersion.is211(version) ? new OcpiClient.Credentials(registrationToken, false, totp) : withA;
        String detailsUrl = CredentialsObjects.versionUrl(versions, version).orElseThrow();
        JsonArray endpoints = CredentialsObjects.endpoints(
                        call(partnerId, actor, () -> client.get(detailsUrl, asPartner, correlation)))
                .orElseThrow(() -> upstream(partnerId, actor, "partner-unusable", "Malformed version details"));
        String credentialsUrl = CredentialsObjects.endpoint(endpoints, "credentials")
                .orElseThrow(() ->
                        upstream(partnerId, actor, "no-matching-endpoints", "The partner has no credentials endpoint"));

        withNewToken(partnerId, actor, "partner-unusable", "", token -> {
            JsonValue answer = client.post(
                    credentialsUrl,
                    asPartner,
                    CredentialsObjects.ours(version, token, ourVersionsUrl, ourParty()),
                    correlation);
            CredentialsObjects.Theirs theirs = CredentialsObjects.parse(version, answer)
                    .orElseThrow(() -> new OcpiClient.CallFailed("Malformed credentials in the answer", true));
            partners.registered(
                    partnerId, version, versionsUrl, endpoints.toString(), theirs.roles(), theirs.token(), actor);
        });
        return partners.existing(partnerId);
    }

    /**
     * New tokens both ways: we PUT a new token C, the partner answers with its new token B, which we prove by
     * fetching its endpoints with it. Until then, and if anything fails, the old tokens keep working.
     */
    public Partner rotate(long partnerId, String ourVersionsUrl, String actor) {
        Partner partner = partners.existing(partnerId);
        if (partner.status() != Partner.Status.REGISTERED) {
            throw new Refusal(Refusal.Kind.CONFLICT, "not-registered", "The partner is not registered");
        }
        PartnerTokens.Outgoing out = tokens.outgoing(partnerId)
                .orElseThrow(() ->
                        new Refusal(Refusal.Kind.CONFLICT, "not-registered", "No token to call the partner with"));
        String version = out.version();
        String correlation = UUID.randomUUID().toString();
        String credentialsUrl = CredentialsObjects.endpoints(jsonOf(out.endpoints()))
                .flatMap(e -> CredentialsObjects.endpoint(e, "credentials"))
                .orElseThrow(
                        () -> upstream(partnerId, actor, "no-matching-endpoints", "No credentials endpoint known"));
        withNewToken(
                partnerId, actor, "rotation-failed", "Rotation failed, the previous tokens stay in use: ", token -> {
                    JsonValue answer = client.put(
                            credentialsUrl,
                            credentials(out, out.token(), version),
                            CredentialsObjects.ours(version, token, ourVersionsUrl, ourParty()),
                            correlation);
                    CredentialsObjects.Theirs theirs = CredentialsObjects.parse(version, answer)
                            .orElseThrow(() -> new OcpiClient.CallFailed("Malformed credentials in the answer", true));
                    OcpiClient.Credentials withNew = credentials(out, theirs.token(), version);
                    String detailsUrl = CredentialsObjects.versionUrl(
                                    client.get(theirs.url(), withNew, correlation), version)
                            .orElseThrow(
                                    () -> new OcpiClient.CallFailed("The partner no longer offers " + version, true));
                    JsonArray endpoints = CredentialsObjects.endpoints(client.get(detailsUrl, withNew, correlation))
                            .orElseThrow(() -> new OcpiClient.CallFailed("Malformed version details", true));
                    partners.registered(
                            partnerId,
                            version,
                            theirs.url(),
                            endpoints.toString(),
                            theirs.roles(),
                            theirs.token(),
                            actor);
                });
        return partners.existing(partnerId);
    }

    /** Tells the partner (best effort) that its token for us is void, and unregisters it here. */
    public Partner unregisterWith(long partnerId, String actor) {
        Partner partner = partners.existing(partnerId);
        if (partner.status() != Partner.Status.REGISTERED) {
            throw new Refusal(Refusal.Kind.CONFLICT, "not-registered", "The partner is not registered");
        }
        tokens.outgoing(partnerId)
                .ifPresent(out -> CredentialsObjects.endpoints(jsonOf(out.endpoints()))
                        .flatMap(e -> CredentialsObjects.endpoint(e, "credentials"))
                        .ifPresent(url -> {
                            try {
                                client.delete(
                                        url,
                                        credentials(out, out.token(), out.version()),
                                        UUID.randomUUID().toString());
                            } catch (OcpiClient.CallFailed e) {
                                partners.failure(partnerId, "ocpi.credentials.unregister", actor, e.getMessage());
                            }
                        }));
        partners.unregistered(partnerId, actor);
        return partners.existing(partnerId);
    }

    private static OcpiClient.Credentials credentials(PartnerTokens.Outgoing out, String token, String version) {
        return new OcpiClient.Credentials(token, out.base64() && !OcpiVersion.is211(version), out.totpSecret());
    }

    private interface TokenExchange {
        void run(String token) throws OcpiClient.CallFailed;
    }

    /**
     * Issues a new token C and hands it to {@code exchange}; when the exchange fails the token is
     * discarded and the partner's previous tokens stay as they were.
     */
    private void withNewToken(
            long partnerId, String actor, String failureType, String failurePrefix, TokenExchange exchange) {
        String token = tokens.issueServerToken(partnerId);
        try {
            exchange.run(token);
        } catch (OcpiClient.CallFailed e) {
            tokens.discardServerToken(partnerId, token);
            throw upstream(partnerId, actor, failureType, failurePrefix + e.getMessage());
        } catch (Refusal e) {
            tokens.discardServerToken(partnerId, token);
            throw e;
        }
    }

    private interface Call {
        JsonValue run() throws OcpiClient.CallFailed;
    }

    private JsonValue call(long partnerId, String actor, Call call) {
        try {
            return call.run();
        } catch (OcpiClient.CallFailed e) {
            throw upstream(partnerId, actor, "partner-unusable", e.getMessage());
        }
    }

    private Refusal upstream(long partnerId, String actor, String type, String message) {
        partners.failure(partnerId, "ocpi.credentials.register-with", actor, message);
        return new Refusal(Refusal.Kind.UPSTREAM, type, message);
    }

    private static JsonValue jsonOf(String endpoints) {
        if (endpoints == null) {
            return JsonValue.NULL;
        }
        JsonArray array =
                Jsonp.JSON.createReader(new java.io.StringReader(endpoints)).readArray();
        return Jsonp.JSON.createObjectBuilder().add("endpoints", array).build();
    }

    static int compareVersions(String a, String b) {
        List<Integer> x =
                java.util.Arrays.stream(a.split("\\.")).map(Integer::valueOf).toList();
        List<Integer> y =
                java.util.Arrays.stream(b.split("\\.")).map(Integer::valueOf).toList();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = Integer.compare(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }
}
