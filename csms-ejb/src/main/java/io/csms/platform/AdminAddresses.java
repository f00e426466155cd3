package io.csms.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The addresses the admin surfaces answer (the console under {@code /ocpi/admin} and the operator
 * API under {@code /csms/api/admin}): {@code csms.admin.allowed-addresses}, CIDR ranges separated by
 * commas; unset, every address. Keeps them apart from the partner- and driver-facing doors, e.g. to
 * an office network or a VPN. The address is the client's as {@link TrustedProxies} tells it.
 */
@ApplicationScoped
public class AdminAddresses {

    @Inject
    @ConfigProperty(name = "csms.admin.allowed-addresses")
    Optional<String> allowed;

    @Inject
    TrustedProxies proxies;

    private List<AddressRange> ranges;

    @PostConstruct
    void parse() {
        ranges = AddressRange.parseList(allowed.orElse(""));
    }

    /** Whether the request may reach an admin surface. */
    public boolean admits(HttpServletRequest request) {
        return admits(proxies.clientAddress(request));
    }

    /** Whether a client at {@code clientAddress} may reach an admin surface. */
    public boolean admits(String clientAddress) {
        return ranges.isEmpty() || AddressRange.any(ranges, clientAddress);
    }
}
