package io.csms.roaming;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.platform.AddressRange;
import io.csms.platform.Refusal;
import io.csms.roaming.access.ModuleId;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Roaming partners as an admin manages them: create (naming who the partner is: its parties, which
 * it cannot change), change rights and secrets, revoke, delete; and the partner's state as the
 * credentials handshake ({@link Registrations}) records it. Its tokens are {@link PartnerTokens}'.
 */
@Stateless
public class Partners {

    /**
     * What an admin may set; null leaves a setting unchanged, "" removes a secret, binding or
     * address list. {@code parties}: who the partner is (required when creating); {@code hubClients}:
     * for a hub, the parties behind it it may speak for; {@code allowedAddresses}: CIDR ranges.
     */
    public record Settings(
            String name,
            Set<String> allowedModules,
            Set<String> allowedCommands,
            List<String> versions,
            Boolean sendTokenBase64,
            String totpIncomingSecret,
            String totpOutgoingSecret,
            Boolean totpTlsBound,
            String clientCertificateSha256,
            Set<Partner.Party> parties,
            Set<Partner.Party> hubClients,
            String allowedAddresses) {}

    public record Created(Partner partner, String registrationToken) {}

    /** The OCPI versions we speak, newest first. */
    public static final List<String> VERSIONS = OcpiVersion.texts();

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    PartnerTokens tokens;

    @Inject
    AuditTrail audit;

    /** Whose tokens chargers' local lists may hold changes with a partner's standing and rights. */
    @Inject
    io.csms.roaming.tokens.LocalLists localLists;

    public Created create(Settings settings, String actor) {
        if (settings.name() == null || settings.name().isBlank()) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-partner", "A partner needs a name");
        }
        if (settings.parties() == null || settings.parties().isEmpty()) {
            throw new Refusal(
                    Refusal.Kind.INVALID,
                    "invalid-partner",
                    "parties: who the partner is (country code, party id, role), at least one");
        }
        Instant now = Instant.now();
        Partner partner = new Partner(settings.name().strip(), now);
        apply(partner, settings);
        if (settings.allowedModules() == null) {
            partner.allowModules(defaultModules(settings.parties()));
        }
        em.persist(partner);
        em.flush();
        String token = tokens.issueRegistrationToken(partner, now);
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                "ocpi.partner.create",
                target(partner),
                AuditEvent.Outcome.SUCCESS,
                null,
                "parties " + partner.parties()));
        return new Created(partner, token);
    }

    public List<Partner> list() {
        return em.createNamedQuery(Partner.ALL, Partner.class).getResultList();
    }

    public Optional<Partner> find(long id) {
        return Optional.ofNullable(em.find(Partner.class, id));
    }

    public Partner update(long id, Settings settings, String actor) {
        localLists.tokensChanged();
        Partner partner = existing(id);
        apply(partner, settings);
        partner.touched(Instant.now());
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                "ocpi.partner.update",
                target(partner),
                AuditEvent.Outcome.SUCCESS,
                null,
                changed(settings)));
        return partner;
    }

    /** A new token A (any earlier one stops working), to register or register again. */
    public String newRegistrationToken(long id, String actor) {
        Partner partner = existing(id);
        if (partner.status() == Partner.Status.REVOKED) {
            throw new Refusal(Refusal.Kind.CONFLICT, "partner-revoked", "The partner is revoked");
        }
        String token = tokens.issueRegistrationToken(partner, Instant.now());
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                "ocpi.token.issue",
                target(partner),
                AuditEvent.Outcome.SUCCESS,
                null,
                "registration token"));
        return token;
    }

    /** At once: every token the partner holds stops working, and we stop calling it. */
    public Partner revoke(long id, String actor) {
        localLists.tokensChanged();
        Partner partner = existing(id);
        Instant now = Instant.now();
        tokens.endAll(id, true, now);
        partner.revoked(now);
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                "ocpi.partner.revoke",
                target(partner),
                AuditEvent.Outcome.SUCCESS,
                null,
                null));
        return partner;
    }

    public void delete(long id, String actor) {
        localLists.tokensChanged();
        Partner partner = existing(id);
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                "ocpi.partner.delete",
                target(partner),
                AuditEvent.Outcome.SUCCESS,
                null,
                null));
        tokens.deleteAll(id);
        em.remove(partner);
    }

    /**
     * The handshake succeeded: the partner's API and token B are stored, token A is spent. The
     * partner is who the admin said: every role it presents must be one of its expected parties, and
     * once registered, its parties (country code and party id) cannot change (security review H7).
     */
    public void registered(
            long id,
            String version,
            String versionsUrl,
            String endpoints,
            List<Partner.PartyRole> roles,
            String clientToken,
            String actor) {
        localLists.tokensChanged();
        Partner partner = existing(id);
        Instant now = Instant.now();
        for (Partner.PartyRole role : roles) {
            if (partner.parties().stream().noneMatch(p -> p.matches(role))) {
                throw new Refusal(
                        Refusal.Kind.INVALID,
                        "party-not-expected",
                        role.countryCode() + "*" + role.partyId() + " " + role.role()
                                + " is not a party this partner was set up for");
            }
        }
        if (partner.status() == Partner.Status.REGISTERED && !sameParties(partner.roles(), roles)) {
            throw new Refusal(
                    Refusal.Kind.INVALID,
                    "party-changed",
                    "country_code and party_id cannot change after registration");
        }
        tokens.registered(id, clientToken, now);
        partner.registered(version, versionsUrl, endpoints, roles, now);
        audit.record(new AuditEvent(
                actorType(actor),
                actor,
                "ocpi.credentials.register",
                target(partner),
                AuditEvent.Outcome.SUCCESS,
                null,
                "version " + version));
    }

    /** Unregistered (DELETE either way): its tokens stop working, we stop calling it. */
    public void unregistered(long id, String actor) {
        localLists.tokensChanged();
        Partner partner = existing(id);
        Instant now = Instant.now();
        tokens.endAll(id, false, now);
        partner.unregistered(now);
        audit.record(new AuditEvent(
                actorType(actor),
                actor,
                "ocpi.credentials.unregister",
                target(partner),
                AuditEvent.Outcome.SUCCESS,
                null,
                null));
    }

    /**
     * Whether the hub may relay messages of the party: the admin allowed it, and no other partner is
     * that party (a party belongs to one partner).
     */
    public boolean hubMayRelay(long hubId, String countryCode, String partyId) {
        Partner hub = em.find(Partner.class, hubId);
        return hub != null
                && hub.hubClients().stream().anyMatch(p -> p.samePartyAs(countryCode, partyId))
                && !heldByAnother(hubId, countryCode, partyId);
    }

    public void contact(long id, String connectionStatus) {
        find(id).ifPresent(p -> p.contact(connectionStatus, Instant.now()));
    }

    public void failure(long id, String action, String actor, String detail) {
        find(id).ifPresent(p -> audit.record(
                new AuditEvent(actorType(actor), actor, action, target(p), AuditEvent.Outcome.FAILURE, null, detail)));
    }

    public Partner existing(long id) {
        return find(id).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown-partner", "No partner " + id));
    }

    /** Whether another partner than {@code partnerId} is (or was set up as) the party. */
    private boolean heldByAnother(long partnerId, String countryCode, String partyId) {
        return em.createQuery("""
                        select count(p) from Partner p join p.parties x
                        where upper(x.countryCode) = upper(:cc) and upper(x.partyId) = upper(:pid) and p.id <> :id""", Long.class)
                        .setParameter("cc", countryCode)
                        .setParameter("pid", partyId)
                        .setParameter("id", partnerId)
                        .getSingleResult()
                > 0;
    }

    private static boolean sameParties(List<Partner.PartyRole> before, List<Partner.PartyRole> after) {
        Set<String> a = new LinkedHashSet<>();
        before.forEach(
                r -> a.add(r.countryCode().toUpperCase() + "*" + r.partyId().toUpperCase()));
        Set<String> b = new LinkedHashSet<>();
        after.forEach(
                r -> b.add(r.countryCode().toUpperCase() + "*" + r.partyId().toUpperCase()));
        return a.equals(b);
    }

    /**
     * The modules a new partner may use unless the admin names others: what its roles use of a CPO.
     * Commands are never granted by default (they act on chargers; the admin grants them).
     */
    static Set<String> defaultModules(Set<Partner.Party> parties) {
        Set<ModuleId> modules = EnumSet.noneOf(ModuleId.class);
        Set<ModuleId> emsp =
                EnumSet.of(ModuleId.LOCATIONS, ModuleId.TARIFFS, ModuleId.SESSIONS, ModuleId.CDRS, ModuleId.TOKENS);
        for (Partner.Party party : parties) {
            switch (party.role()) {
                case EMSP -> modules.addAll(emsp);
                case HUB -> {
                    modules.addAll(emsp);
                    modules.add(ModuleId.HUBCLIENTINFO);
                }
                case NAP, NSP, SCSP, OTHER -> modules.addAll(EnumSet.of(ModuleId.LOCATIONS, ModuleId.TARIFFS));
                case CPO -> {
                    // another CPO uses nothing of ours
                }
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        modules.forEach(m -> ids.add(m.id()));
        return ids;
    }

    private void apply(Partner partner, Settings s) {
        if (s.name() != null && !s.name().isBlank()) {
            partner.rename(s.name().strip());
        }
        if (s.allowedModules() != null) {
            List<String> unknown = s.allowedModules().stream()
                    .filter(m ->
                            ModuleId.of(m).filter(id -> !id.configuration()).isEmpty())
                    .toList();
            if (!unknown.isEmpty()) {
                throw new Refusal(
                        Refusal.Kind.INVALID,
                        "invalid-modules",
                        "allowedModules: OCPI module identifiers (locations, tariffs, sessions, cdrs, tokens, commands,"
                                + " hubclientinfo, chargingprofiles); not " + unknown);
            }
            partner.allowModules(s.allowedModules());
        }
        if (s.allowedCommands() != null) {
            if (!Partner.COMMAND_TYPES.containsAll(s.allowedCommands())) {
                throw new Refusal(
                        Refusal.Kind.INVALID,
                        "invalid-commands",
                        "allowedCommands: OCPI command types, some of " + Partner.COMMAND_TYPES);
            }
            partner.allowCommands(s.allowedCommands());
        }
        if (s.versions() != null) {
            if (s.versions().isEmpty() || !VERSIONS.containsAll(s.versions())) {
                throw new Refusal(Refusal.Kind.INVALID, "invalid-versions", "versions: one or more of " + VERSIONS);
            }
            partner.allowVersions(s.versions());
        }
        if (s.sendTokenBase64() != null) {
            partner.sendTokenBase64(s.sendTokenBase64());
        }
        if (s.totpIncomingSecret() != null) {
            partner.totpIncomingSecret(secret(s.totpIncomingSecret(), PartnerTokens.TOTP_INCOMING));
        }
        if (s.totpOutgoingSecret() != null) {
            partner.totpOutgoingSecret(secret(s.totpOutgoingSecret(), PartnerTokens.TOTP_OUTGOING));
        }
        if (s.totpTlsBound() != null) {
            partner.totpTlsBound(s.totpTlsBound());
        }
        if (s.clientCertificateSha256() != null) {
            String fingerprint =
                    s.clientCertificateSha256().replace(":", "").strip().toLowerCase();
            if (!fingerprint.isEmpty() && !fingerprint.matches("[0-9a-f]{64}")) {
                throw new Refusal(
                        Refusal.Kind.INVALID,
                        "invalid-certificate-binding",
                        "clientCertificateSha256: the certificate's SHA-256 fingerprint, 64 hex digits");
            }
            partner.clientCertificateSha256(fingerprint.isEmpty() ? null : fingerprint);
        }
        if (s.parties() != null) {
            if (s.parties().isEmpty()) {
                throw new Refusal(Refusal.Kind.INVALID, "invalid-parties", "parties: at least one");
            }
            for (Partner.Party party : s.parties()) {
                checkParty(party, "parties");
                if (partner.id() != null
                        ? heldByAnother(partner.id(), party.countryCode(), party.partyId())
                        : heldByAnother(-1, party.countryCode(), party.partyId())) {
                    throw new Refusal(
                            Refusal.Kind.CONFLICT,
                            "party-taken",
                            party.countryCode() + "*" + party.partyId() + " is another partner's");
                }
            }
            partner.parties(s.parties());
        }
        if (s.hubClients() != null) {
            s.hubClients().forEach(p -> checkParty(p, "hubClients"));
            partner.hubClients(s.hubClients());
        }
        if (s.allowedAddresses() != null) {
            try {
                AddressRange.parseList(s.allowedAddresses());
            } catch (IllegalArgumentException e) {
                throw new Refusal(Refusal.Kind.INVALID, "invalid-addresses", "allowedAddresses: " + e.getMessage());
            }
            partner.allowedAddresses(
                    s.allowedAddresses().isBlank() ? null : s.allowedAddresses().strip());
        }
    }

    private static void checkParty(Partner.Party party, String field) {
        if (!party.countryCode().matches("[A-Z]{2}") || !party.partyId().matches("[A-Z0-9]{3}")) {
            throw new Refusal(
                    Refusal.Kind.INVALID,
                    "invalid-parties",
                    field + ": a country code of two letters and a party id of three letters or digits");
        }
    }

    private String secret(String value, String purpose) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            Totp.of(value);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-totp-secret", e.getMessage());
        }
        return tokens.seal(value.strip(), purpose);
    }

    private static String changed(Settings s) {
        StringBuilder out = new StringBuilder();
        if (s.allowedModules() != null)
            out.append("modules=").append(s.allowedModules()).append(' ');
        if (s.allowedCommands() != null)
            out.append("commands=").append(s.allowedCommands()).append(' ');
        if (s.versions() != null) out.append("versions=").append(s.versions()).append(' ');
        if (s.sendTokenBase64() != null)
            out.append("tokenBase64=").append(s.sendTokenBase64()).append(' ');
        if (s.totpIncomingSecret() != null)
            out.append(s.totpIncomingSecret().isEmpty() ? "totp-in removed " : "totp-in set ");
        if (s.totpOutgoingSecret() != null)
            out.append(s.totpOutgoingSecret().isEmpty() ? "totp-out removed " : "totp-out set ");
        if (s.totpTlsBound() != null)
            out.append("totp-tls-bound=").append(s.totpTlsBound()).append(' ');
        if (s.clientCertificateSha256() != null) out.append("certificate binding changed ");
        if (s.parties() != null) out.append("parties=").append(s.parties()).append(' ');
        if (s.hubClients() != null)
            out.append("hubClients=").append(s.hubClients()).append(' ');
        if (s.allowedAddresses() != null) out.append("allowedAddresses=").append(s.allowedAddresses());
        return out.toString().strip();
    }

    /** Handshake steps are done by the partner itself ("partner:<id>") or by an admin's account. */
    private static AuditEvent.ActorType actorType(String actor) {
        return actor != null && actor.startsWith("partner:")
                ? AuditEvent.ActorType.PARTNER
                : AuditEvent.ActorType.ACCOUNT;
    }

    static String target(Partner partner) {
        return "partner:" + partner.id();
    }
}
