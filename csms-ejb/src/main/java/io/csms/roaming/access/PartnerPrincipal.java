package io.csms.roaming.access;

import io.csms.platform.AddressRange;
import io.csms.roaming.Partner;
import java.util.List;
import java.util.Set;

/**
 * The partner a presented token belongs to, and what the request must show besides: its TOTP second
 * secret (plain, opened for this check; null when none), whether that must be TLS-bound, its client
 * certificate's fingerprint, the addresses it may call from (none: any).
 */
public record PartnerPrincipal(
        long partnerId,
        String name,
        boolean registrationToken,
        Partner.Status status,
        Set<String> allowedModules,
        List<Partner.PartyRole> roles,
        String totpSecret,
        boolean totpTlsBound,
        String clientCertificateSha256,
        List<AddressRange> allowedAddresses,
        List<String> versions) {

    /** The actor in the audit trail. */
    public String actor() {
        return "partner:" + partnerId;
    }

    public boolean hub() {
        return roles.stream().anyMatch(r -> r.role() == Partner.Role.HUB);
    }
}
