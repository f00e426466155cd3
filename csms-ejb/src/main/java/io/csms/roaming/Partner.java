package io.csms.roaming;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A roaming partner (an eMSP, a hub, ...): who it is (its roles with country code and party id), where
 * its OCPI API is, what it may use here, and the optional second secret and certificate it must show.
 * Tokens are kept apart ({@link PartnerCredential}); secrets here are encrypted ({@link io.csms.platform.SecretBox}).
 */
@Entity
@Table(name = "ocpi_partner")
@NamedQuery(name = Partner.ALL, query = "select p from Partner p order by p.id")
public class Partner {

    static final String ALL = "Partner.all";

    public enum Status {
        PLANNED,
        REGISTERED,
        SUSPENDED,
        REVOKED
    }

    /** OCPI 2.2.1 role of a party. */
    public enum Role {
        CPO,
        EMSP,
        HUB,
        NAP,
        NSP,
        OTHER,
        SCSP
    }

    /** A party the admin names: country code and party id (upper case) and its role. */
    @Embeddable
    public static class Party {
        @Column(name = "country_code", nullable = false)
        private String countryCode;

        @Column(name = "party_id", nullable = false)
        private String partyId;

        @Enumerated(EnumType.STRING)
        @Column(name = "role", nullable = false)
        private Role role;

        protected Party() {}

        public Party(String countryCode, String partyId, Role role) {
            this.countryCode = countryCode.toUpperCase(java.util.Locale.ROOT);
            this.partyId = partyId.toUpperCase(java.util.Locale.ROOT);
            this.role = role;
        }

        public String countryCode() {
            return countryCode;
        }

        public String partyId() {
            return partyId;
        }

        public Role role() {
            return role;
        }

        /** Whether this names the same party in the same role as {@code other} does. */
        public boolean matches(PartyRole other) {
            return samePartyAs(other.countryCode(), other.partyId()) && role == other.role();
        }

        /** The same country code and party id (CiStrings: regardless of case). */
        public boolean samePartyAs(String otherCountry, String otherParty) {
            return countryCode.equalsIgnoreCase(otherCountry) && partyId.equalsIgnoreCase(otherParty);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Party p
                    && p.countryCode.equals(countryCode)
                    && p.partyId.equals(partyId)
                    && p.role == role;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(countryCode, partyId, role);
        }

        @Override
        public String toString() {
            return countryCode + "*" + partyId + " " + role;
        }
    }

    /** One role of the partner, as its credentials named it. */
    @Embeddable
    public static class PartyRole {
        @Enumerated(EnumType.STRING)
        @Column(name = "role", nullable = false)
        private Role role;

        @Column(name = "country_code", nullable = false)
        private String countryCode;

        @Column(name = "party_id", nullable = false)
        private String partyId;

        @Column(name = "business_details")
        private String businessDetails;

        protected PartyRole() {}

        public PartyRole(Role role, String countryCode, String partyId, String businessDetails) {
            this.role = role;
            this.countryCode = countryCode;
            this.partyId = partyId;
            this.businessDetails = businessDetails;
        }

        public Role role() {
            return role;
        }

        public String countryCode() {
            return countryCode;
        }

        public String partyId() {
            return partyId;
        }

        /** The business_details object as JSON text (or null). */
        public String businessDetails() {
            return businessDetails;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    @Column(name = "opt_lock")
    private int optLock;

    @Column(nullable = false)
    private String name;

    @Column(name = "country_code")
    private String countryCode;

    @Column(name = "party_id")
    private String partyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.PLANNED;

    @Column(name = "version")
    private String version;

    @Column(name = "versions_url")
    private String versionsUrl;

    @Column(name = "endpoints")
    private String endpoints;

    @Column(name = "allowed_modules", nullable = false)
    private String allowedModules = "";

    /** The command types allowed to a partner with the commands module; null: all of them. */
    @Column(name = "allowed_commands")
    private String allowedCommands;

    @Column(name = "ocpi_versions", nullable = false)
    private String ocpiVersions = "2.2.1,2.1.1";

    @Column(name = "send_token_base64", nullable = false)
    private boolean sendTokenBase64 = true;

    @Column(name = "totp_incoming_secret")
    private String totpIncomingSecret;

    @Column(name = "totp_outgoing_secret")
    private String totpOutgoingSecret;

    @Column(name = "client_certificate_sha256")
    private String clientCertificateSha256;

    @Column(name = "connection_status")
    private String connectionStatus;

    @Column(name = "last_contact_at")
    private Instant lastContactAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ocpi_partner_role", joinColumns = @JoinColumn(name = "partner_id"))
    private List<PartyRole> roles = new ArrayList<>();

    /** Who the admin said the partner is: the only parties (with roles) it may register as (review H7). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ocpi_partner_party", joinColumns = @JoinColumn(name = "partner_id"))
    private Set<Party> parties = new LinkedHashSet<>();

    /** For a hub: the parties behind it the admin allowed it to speak for. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ocpi_partner_hub_client", joinColumns = @JoinColumn(name = "partner_id"))
    private Set<Party> hubClients = new LinkedHashSet<>();

    /** CIDR ranges the partner's requests must come from (none: any address). */
    @Column(name = "allowed_addresses")
    private String allowedAddresses;

    /** Its TOTP values must be bound to the TLS connection ({@code TOTP: 1 ...}). */
    @Column(name = "totp_tls_bound", nullable = false)
    private boolean totpTlsBound;

    protected Partner() {}

    Partner(String name, Instant now) {
        this.name = name;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String countryCode() {
        return countryCode;
    }

    public String partyId() {
        return partyId;
    }

    public Status status() {
        return status;
    }

    public String version() {
        return version;
    }

    public String versionsUrl() {
        return versionsUrl;
    }

    /** Their endpoints for the agreed version, as JSON text: {@code [{identifier, role, url}]}. */
    public String endpoints() {
        return endpoints;
    }

    public Set<String> allowedModules() {
        return split(allowedModules);
    }

    /** The OCPI command types the partner may send (when it has the commands module). */
    public Set<String> allowedCommands() {
        return allowedCommands == null ? COMMAND_TYPES : split(allowedCommands);
    }

    /** The OCPI CommandTypes (2.1.1 has all but CANCEL_RESERVATION). */
    public static final Set<String> COMMAND_TYPES = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("START_SESSION", "STOP_SESSION", "RESERVE_NOW", "CANCEL_RESERVATION", "UNLOCK_CONNECTOR")));

    public List<String> ocpiVersions() {
        return List.copyOf(split(ocpiVersions));
    }

    public boolean sendTokenBase64() {
        return sendTokenBase64;
    }

    String totpIncomingSecret() {
        return totpIncomingSecret;
    }

    String totpOutgoingSecret() {
        return totpOutgoingSecret;
    }

    public boolean totpIncomingRequired() {
        return totpIncomingSecret != null;
    }

    public boolean totpOutgoing() {
        return totpOutgoingSecret != null;
    }

    public String clientCertificateSha256() {
        return clientCertificateSha256;
    }

    public String connectionStatus() {
        return connectionStatus;
    }

    public Instant lastContactAt() {
        return lastContactAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<PartyRole> roles() {
        return List.copyOf(roles);
    }

    public Set<Party> parties() {
        return Set.copyOf(parties);
    }

    public Set<Party> hubClients() {
        return Set.copyOf(hubClients);
    }

    public String allowedAddresses() {
        return allowedAddresses;
    }

    public boolean totpTlsBound() {
        return totpTlsBound;
    }

    void parties(Set<Party> expected) {
        parties.clear();
        parties.addAll(expected);
    }

    void hubClients(Set<Party> clients) {
        hubClients.clear();
        hubClients.addAll(clients);
    }

    void allowedAddresses(String ranges) {
        this.allowedAddresses = ranges;
    }

    void totpTlsBound(boolean bound) {
        this.totpTlsBound = bound;
    }

    void rename(String name) {
        this.name = name;
    }

    void allowModules(Set<String> modules) {
        this.allowedModules = String.join(",", new LinkedHashSet<>(modules));
    }

    void allowCommands(Set<String> commands) {
        this.allowedCommands = String.join(
                ",", COMMAND_TYPES.stream().filter(commands::contains).toList());
    }

    void allowVersions(List<String> versions) {
        this.ocpiVersions = String.join(",", versions);
    }

    void sendTokenBase64(boolean base64) {
        this.sendTokenBase64 = base64;
    }

    void totpIncomingSecret(String encrypted) {
        this.totpIncomingSecret = encrypted;
    }

    void totpOutgoingSecret(String encrypted) {
        this.totpOutgoingSecret = encrypted;
    }

    void clientCertificateSha256(String fingerprint) {
        this.clientCertificateSha256 = fingerprint;
    }

    /** The partner's identity, roles, API and version after a registration or an update. */
    void registered(String version, String versionsUrl, String endpoints, List<PartyRole> roles, Instant now) {
        this.version = version;
        this.versionsUrl = versionsUrl;
        this.endpoints = endpoints;
        this.roles.clear();
        this.roles.addAll(roles);
        this.countryCode = roles.get(0).countryCode();
        this.partyId = roles.get(0).partyId();
        this.status = Status.REGISTERED;
        contact("CONNECTED", now);
    }

    void unregistered(Instant now) {
        this.status = Status.PLANNED;
        this.endpoints = null;
        this.connectionStatus = "OFFLINE";
        this.updatedAt = now;
    }

    void revoked(Instant now) {
        this.status = Status.REVOKED;
        this.connectionStatus = "OFFLINE";
        this.updatedAt = now;
    }

    void contact(String connectionStatus, Instant now) {
        this.connectionStatus = connectionStatus;
        this.lastContactAt = now;
        this.updatedAt = now;
    }

    void touched(Instant now) {
        this.updatedAt = now;
    }

    private static Set<String> split(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
