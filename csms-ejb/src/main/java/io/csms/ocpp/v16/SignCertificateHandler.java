package io.csms.ocpp.v16;

import io.csms.chargepoint.ChargerCredentials;
import io.csms.chargepoint.ChargerRegistrations;
import io.csms.ocpp.session.ChargerConnections;
import io.csms.pki.CertificateAuthority;
import io.csms.platform.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OCPP 1.6 security extension SignCertificate: the charger sends a CSR; the CSMS CA signs it when
 * its subject names the charger's configured certificate subject (its id when none is set) and,
 * once the charger has its Accepted answer, sends the chain back with CertificateSigned. Each
 * certificate issued is kept ({@link ChargerRegistrations#issued}). A charger gets at most one
 * certificate per {@code csms.ocpp.sign-certificate-interval} seconds: each costs an RSA signature
 * and a row, and a charger needs a new one about once a year.
 */
@ApplicationScoped
public class SignCertificateHandler implements ActionHandler<SignCertificateRequest, SignCertificateResponse> {

    private static final Logger LOG = Logger.getLogger(SignCertificateHandler.class.getName());

    @Inject
    CertificateAuthority authority;

    @Inject
    ChargerConnections connections;

    @Inject
    ChargerCredentials credentials;

    @Inject
    ChargerRegistrations registrations;

    @Inject
    @ConfigProperty(name = "csms.ocpp.call-timeout", defaultValue = "30")
    long callTimeout;

    @Inject
    @ConfigProperty(name = "csms.ocpp.sign-certificate-interval", defaultValue = "600")
    long intervalSeconds;

    /** When each charger last had a CSR signed ({@link System#nanoTime()}). */
    private final Map<String, Long> lastSigned = new ConcurrentHashMap<>();

    @Override
    public String action() {
        return "SignCertificate";
    }

    @Override
    public Class<SignCertificateRequest> requestType() {
        return SignCertificateRequest.class;
    }

    /** The CSR is checked and signed now, so a charger asking for another's identity hears Rejected at once. */
    @Override
    public SignCertificateResponse handle(String chargerId, SignCertificateRequest request) {
        String subject = credentials
                .of(chargerId)
                .map(ChargerCredentials.Credentials::certificateSubject)
                .orElse(chargerId);
        long now = System.nanoTime();
        Long last = lastSigned.get(chargerId);
        if (last != null && now - last < TimeUnit.SECONDS.toNanos(intervalSeconds)) {
            LOG.warning(
                    () -> "Charger " + chargerId + ": CSR not signed: one certificate per " + intervalSeconds + " s");
            return new SignCertificateResponse("Rejected", null);
        }
        try {
            CertificateAuthority.Issued issued = authority.sign(request.csr(), subject);
            // a charger's CALLs are handled one at a time: no second CSR of it can slip in between
            lastSigned.put(chargerId, now);
            registrations.issued(chargerId, issued.certificate());
            return new SignCertificateResponse("Accepted", issued.chain());
        } catch (CertificateAuthority.Refusal e) {
            LOG.warning(() -> "Charger " + chargerId + ": CSR not signed: " + e.getMessage());
            return new SignCertificateResponse("Rejected", null);
        }
    }

    @Override
    public Runnable afterReply(String chargerId, SignCertificateRequest request, Object response) {
        String chain = ((SignCertificateResponse) response).chain();
        if (chain == null) {
            return null;
        }
        return () -> connections
                .call(
                        chargerId,
                        "CertificateSigned",
                        Jsonp.JSON
                                .createObjectBuilder()
                                .add("certificateChain", chain)
                                .build(),
                        callTimeout)
                .thenAccept(outcome -> LOG.info(() -> "Charger " + chargerId + " CertificateSigned: " + outcome));
    }
}
