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
public class SignCertificateHandler implements ActionHandler<SignCertificateRequest, StatusResponse> {

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

    @Override
    public StatusResponse handle(String chargerId, SignCertificateRequest request) {
        return new StatusResponse(authority.available() ? "Accepted" : "Rejected");
    }

    @Override
    public Runnable afterReply(String chargerId, SignCertificateRequest request, Object response) {
        if (!authority.available()) {
            return null;
        }
        return () -> {
            try {
                String chain = authority.sign(request.csr(), chargerId);
                connections.call(chargerId, "CertificateSigned",
                        Json.createObjectBuilder().add("certificateChain", chain).build(), callTimeout)
                        .thenAccept(outcome -> LOG.info(() -> "Charger " + chargerId + " CertificateSigned: " + outcome));
            } catch (CertificateAuthority.Refusal e) {
                LOG.warning(() -> "Charger " + chargerId + ": CSR not signed: " + e.getMessage());
            }
        };
    }
}
