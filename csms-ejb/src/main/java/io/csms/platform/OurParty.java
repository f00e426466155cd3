package io.csms.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who we are in OCPI, said once: the operator's country code and party id ({@code csms.ocpi.country-code},
 * {@code csms.ocpi.party-id}) and business name, as the credentials, the routing check and every
 * object we publish carry them.
 */
@ApplicationScoped
public class OurParty {

    @Inject
    @ConfigProperty(name = "csms.ocpi.country-code", defaultValue = "NL")
    String countryCode;

    @Inject
    @ConfigProperty(name = "csms.ocpi.party-id", defaultValue = "CSM")
    String partyId;

    @Inject
    @ConfigProperty(name = "csms.ocpi.business-name", defaultValue = "CSMS")
    String businessName;

    public String countryCode() {
        return countryCode;
    }

    public String partyId() {
        return partyId;
    }

    public String businessName() {
        return businessName;
    }
}
