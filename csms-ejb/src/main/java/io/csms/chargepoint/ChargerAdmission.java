package io.csms.chargepoint;

import io.csms.audit.AuditTrail;
import io.csms.pki.CertificateAuthority;
import io.csms.pki.CertificateNames;
import io.csms.platform.FailureThrottle;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides whether a charger may open its OCPP connection, per its security profile (OCPP 1.6
 * security whitepaper): 1 = HTTP Basic with its AuthorizationKey, 2 = the same over TLS, 3 = TLS with
 * a client certificate issued to that charger. Called by the handshake filter before the upgrade.
 * Failed handshakes are counted per charger id and per client address; past the limits an attempt
 * is refused before any other work (429), so guessing a key or flooding with ids costs nothing.
 */
@ApplicationScoped
public class ChargerAdmission {

    private static final Logger LOG = Logger.getLogger(ChargerAdmission.class.getName());
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @Inject
    ChargerCredentials credentials;

    @Inject
    AuditTrail audit;

    @Inject
    UnknownChargers unknownChargers;

    @Inject
    CertificateAuthority authority;

    /**
     * Per charger id and client address: guessing a key from one place stops after a few tries, while
     * a stranger elsewhere cannot lock the real charger out with wrong keys.
     */
    @Inject
    @ConfigProperty(name = "csms.ocpp.handshake.max-failures-per-charger", defaultValue = "10")
    int perCharger;

    /** Per charger id from everywhere: caps a guess spread over many addresses. */
    @Inject
    @ConfigProperty(name = "csms.ocpp.handshake.max-failures-per-charger-overall", defaultValue = "100")
    int perChargerOverall;

    /** Counts failures only, so that thousands of good chargers behind one address keep connecting. */
    @Inject
    @ConfigProperty(name = "csms.ocpp.handshake.max-failures-per-address", defaultValue = "100")
    int perAddress;

    @Inject
    @ConfigProperty(name = "csms.ocpp.handshake.failure-window", defaultValue = "900")
    long windowSeconds;

    private FailureThrottle failures;

    /** What the handshake request carried: the TLS client certificate chain (leaf first), if any. */
    public record Handshake(
            String chargerId,
            String basicUser,
            String basicPassword,
            boolean tls,
            X509Certificate[] chain,
            String clientAddress) {}

    @PostConstruct
    void init() {
        failures = new FailureThrottle(
                Duration.ofSeconds(windowSeconds), Math.max(perChargerOverall, Math.max(perCharger, perAddress)));
    }

    public Admission admit(Handshake handshake) {
        // '@' is not part of any charger id: the keys of two ids never meet
        String anywhere = "charger:" + handshake.chargerId();
        String chargerHere = anywhere + "@" + handshake.clientAddress();
        String address = "address:" + handshake.clientAddress();
        Optional<Duration> wait = failures.blocked(
                new FailureThrottle.Limit(chargerHere, perCharger),
                new FailureThrottle.Limit(anywhere, perChargerOverall),
                new FailureThrottle.Limit(address, perAddress));
        if (wait.isPresent()) {
            return new Admission.Throttled(handshake.chargerId(), wait.get());
        }
        Admission admission = credentials
                .of(handshake.chargerId())
                .map(charger -> check(charger, handshake))
                .orElseGet(() -> unknown(handshake));
        if (!(admission instanceof Admission.Admitted)) {
            failures.failed(chargerHere, anywhere, address);
            String reason = admission instanceof Admission.Unauthenticated refused
                    ? "Unauthenticated: " + refused.reason()
                    : admission.getClass().getSimpleName();
            audit.chargerRefused(handshake.chargerId(), handshake.clientAddress(), reason);
        }
        return admission;
    }

    /** New credentials are a fresh start: failures with the old ones no longer count against the id. */
    void credentialsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChargerChanged change) {
        if (failures != null && change.change() != ChargerChanged.Change.REGISTRATION) {
            failures.clear("charger:" + change.chargerId());
            failures.clearStartingWith("charger:" + change.chargerId() + "@");
        }
    }

    private Admission unknown(Handshake handshake) {
        if (!unknownChargers.letIn()) {
            return new Admission.Unknown(handshake.chargerId());
        }
        LOG.warning(() -> "Unknown charger " + handshake.chargerId() + " from " + handshake.clientAddress()
                + " let in by csms.ocpp.unknown-chargers=" + unknownChargers.policy());
        return new Admission.Admitted(handshake.chargerId(), false, null);
    }

    private Admission check(ChargerCredentials.Credentials charger, Handshake handshake) {
        int profile = charger.securityProfile();
        if (charger.keyless()) {
            // registered on first contact (unknown-chargers policy) and not given credentials yet: it
            // may boot (and stays Pending until an operator gives it a key and accepts it), nothing more
            return unknownChargers.letIn()
                    ? new Admission.Admitted(charger.chargerId(), true, charger.registrationStatus())
                    : new Admission.Unauthenticated(charger.chargerId(), "No AuthorizationKey set for this charger");
        }
        if (profile >= 2 && !handshake.tls()) {
            return new Admission.TlsRequired(charger.chargerId(), profile);
        }
        if (profile == 3) {
            return certificateOf(charger, handshake);
        }
        if (!charger.chargerId().equals(handshake.basicUser())) {
            return new Admission.Unauthenticated(charger.chargerId(), "Basic credentials of this charger required");
        }
        if (!AuthorizationKeys.matches(
                charger.authorizationKeyHash(), handshake.basicPassword(), charger.authorizationKeyHex())) {
            return new Admission.Unauthenticated(charger.chargerId(), "Wrong AuthorizationKey");
        }
        return new Admission.Admitted(charger.chargerId(), true, charger.registrationStatus());
    }

    /**
     * Profile 3: whatever the TLS layer trusts, the chain must lead to the CSMS CA (or the CA
     * configured for this charger), the certificate must be meant for TLS clients, name this very
     * charger (exactly one CN, read as the CA reads it) and not be revoked.
     */
    private Admission certificateOf(ChargerCredentials.Credentials charger, Handshake handshake) {
        X509Certificate[] chain = handshake.chain();
        if (chain == null || chain.length == 0) {
            return new Admission.Unauthenticated(charger.chargerId(), "Client certificate required");
        }
        X509Certificate leaf = chain[0];
        if (!anchored(chain, charger)) {
            return new Admission.Unauthenticated(
                    charger.chargerId(), "Client certificate not issued by the CSMS CA or the charger's CA");
        }
        if (!clientAuth(leaf)) {
            return new Admission.Unauthenticated(charger.chargerId(), "Client certificate not for TLS clients");
        }
        if (!CertificateNames.commonName(leaf)
                .filter(charger.certificateSubject()::equals)
                .isPresent()) {
            return new Admission.Unauthenticated(charger.chargerId(), "Client certificate issued to another charger");
        }
        if (charger.revokedSerials().contains(leaf.getSerialNumber())) {
            return new Admission.Unauthenticated(charger.chargerId(), "Client certificate revoked");
        }
        return new Admission.Admitted(charger.chargerId(), true, charger.registrationStatus());
    }

    /** PKIX validation of the presented chain against the charger's own anchors only (never a shared trust store). */
    private boolean anchored(X509Certificate[] chain, ChargerCredentials.Credentials charger) {
        Set<TrustAnchor> anchors = new HashSet<>();
        if (authority.certificate() != null) {
            anchors.add(new TrustAnchor(authority.certificate(), null));
        }
        if (charger.certificateCa() != null) {
            anchors.add(new TrustAnchor(charger.certificateCa(), null));
        }
        if (anchors.isEmpty()) {
            return false;
        }
        try {
            // the anchors themselves may be sent along: the path is what lies below them
            List<X509Certificate> path = List.of(chain).stream()
                    .filter(c ->
                            anchors.stream().noneMatch(a -> a.getTrustedCert().equals(c)))
                    .toList();
            if (path.isEmpty()) {
                return false;
            }
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean clientAuth(X509Certificate leaf) {
        try {
            List<String> usages = leaf.getExtendedKeyUsage();
            return usages == null || usages.contains(CLIENT_AUTH);
        } catch (CertificateException e) {
            return false;
        }
    }
}
