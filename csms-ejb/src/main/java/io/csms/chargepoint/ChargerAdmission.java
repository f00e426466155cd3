package io.csms.chargepoint;

import io.csms.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.cert.X509Certificate;
import java.util.logging.Logger;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides whether a charger may open its OCPP connection, per its security profile (OCPP 1.6
 * security whitepaper): 1 = HTTP Basic with its AuthorizationKey, 2 = the same over TLS, 3 = TLS with
 * a client certificate issued to that charger. Called by the handshake filter before the upgrade.
 */
@ApplicationScoped
public class ChargerAdmission {

    private static final Logger LOG = Logger.getLogger(ChargerAdmission.class.getName());

    @Inject
    ChargerCredentials credentials;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "csms.ocpp.unknown-chargers", defaultValue = "reject")
    Chargers.UnknownChargerPolicy unknownChargers;

    /** What the handshake request carried. */
    public record Handshake(
            String chargerId,
            String basicUser,
            String basicPassword,
            boolean tls,
            X509Certificate clientCertificate,
            String clientAddress) {}

    public Admission admit(Handshake handshake) {
        Admission admission = credentials
                .of(handshake.chargerId())
                .map(charger -> check(charger, handshake))
                .orElseGet(() -> unknown(handshake));
        if (!(admission instanceof Admission.Admitted)) {
            String reason = admission instanceof Admission.Unauthenticated refused
                    ? "Unauthenticated: " + refused.reason()
                    : admission.getClass().getSimpleName();
            audit.chargerRefused(handshake.chargerId(), handshake.clientAddress(), reason);
        }
        return admission;
    }

    private Admission unknown(Handshake handshake) {
        if (unknownChargers == Chargers.UnknownChargerPolicy.reject) {
            return new Admission.Unknown(handshake.chargerId());
        }
        LOG.warning(() -> "Unknown charger " + handshake.chargerId() + " from " + handshake.clientAddress()
                + " let in by csms.ocpp.unknown-chargers=" + unknownChargers);
        return new Admission.Admitted(handshake.chargerId(), false);
    }

    private Admission check(ChargerCredentials.Credentials charger, Handshake handshake) {
        int profile = charger.securityProfile();
        if (profile < 3 && charger.authorizationKeyHash() == null) {
            // registered on first contact (unknown-chargers policy): no credentials to check yet
            return unknownChargers == Chargers.UnknownChargerPolicy.reject
                    ? new Admission.Unauthenticated(charger.chargerId(), "No AuthorizationKey set for this charger")
                    : new Admission.Admitted(charger.chargerId(), true);
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
        return new Admission.Admitted(charger.chargerId(), true);
    }

    /** Profile 3: the TLS layer verified the chain; here the certificate must name this very charger. */
    private static Admission certificateOf(ChargerCredentials.Credentials charger, Handshake handshake) {
        X509Certificate certificate = handshake.clientCertificate();
        if (certificate == null) {
            return new Admission.Unauthenticated(charger.chargerId(), "Client certificate required");
        }
        String cn = commonName(certificate);
        if (!charger.certificateSubject().equals(cn)) {
            return new Admission.Unauthenticated(charger.chargerId(), "Client certificate issued to another charger");
        }
        return new Admission.Admitted(charger.chargerId(), true);
    }

    static String commonName(X509Certificate certificate) {
        try {
            return new LdapName(certificate.getSubjectX500Principal().getName())
                    .getRdns().stream()
                            .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                            .map(rdn -> rdn.getValue().toString())
                            .findFirst()
                            .orElse(null);
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
