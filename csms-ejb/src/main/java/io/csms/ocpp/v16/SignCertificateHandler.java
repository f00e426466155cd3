package io.csms.ocpp.v16;

import io.csms.ocpp.session.ChargerConnections;
import io.csms.pki.CertificateAuthority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OCPP 1.6 security extension SignCertificate: the charger sends a CSR; the CSMS CA signs it and,
 * once the charger has its Accepted answer, sends the chain back with CertificateSigned.
 */
@ApplicationScoped
public class SignCertificateHandler implements ActionHandler<SignCertificateRequest, SignCertificateResponse> {

    private static final Logger LOG = Logger.getLogger(SignCertificateHandler.class.getName());

    @Inject
    CertificateAuthority authority;

    @Inject
    ChargerConnections connections;

    @Inject
    @ConfigProperty(name = "csms.ocpp.call-timeout", defaultValue = "30")
    long callTimeout;

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
        try {
            return new SignCertificateResponse("Accepted", authority.sign(request.csr(), chargerId));
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
                        Json.createObjectBuilder()
                                .add("certificateChain", chain)
                                .build(),
                        callTimeout)
                .thenAccept(outcome -> LOG.info(() -> "Charger " + chargerId + " CertificateSigned: " + outcome));
    }
}
