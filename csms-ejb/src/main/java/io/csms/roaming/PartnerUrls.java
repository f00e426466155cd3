package io.csms.roaming;

import io.csms.platform.AddressRange;
import io.csms.platform.Environment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where we may send OCPI requests (security review H8, M7): {@code https} URLs only (plain {@code
 * http} only with {@code csms.ocpi.allow-plain-http}, a test bench's setting), to public addresses
 * only: a partner-supplied URL that names or resolves to a loopback, link-local, private, carrier,
 * multicast or reserved address is refused (unless {@code csms.ocpi.allow-private-addresses}), so the
 * handshake cannot be turned into a probe of our own network. The name is resolved here and every
 * address it has must be public; the request itself resolves it again (a name that changes its
 * address between the two, DNS rebinding, remains a risk: documented).
 */
@ApplicationScoped
public class PartnerUrls {

    /** Ranges no partner lives in: RFC 6890 special-purpose space (IPv4 and IPv6). */
    static final List<AddressRange> NOT_PUBLIC = AddressRange.parseList(String.join(
            ",",
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.88.99.0/24",
            "192.168.0.0/16",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/4",
            "240.0.0.0/4",
            "::/128",
            "::1/128",
            "64:ff9b::/96",
            "100::/64",
            "2001:db8::/32",
            "fc00::/7",
            "fe80::/10",
            "ff00::/8"));

    @Inject
    Environment environment;

    /** Why {@code uri} may not be called, or empty when it may. The reason is for our logs and audit, not the partner. */
    public Optional<String> refusal(URI uri) {
        return refusal(
                uri,
                environment.flag(Environment.Safeguard.OCPI_ALLOW_PLAIN_HTTP),
                environment.flag(Environment.Safeguard.OCPI_ALLOW_PRIVATE_ADDRESSES));
    }

    static Optional<String> refusal(URI uri, boolean allowPlain, boolean allowPrivate) {
        String scheme = uri.getScheme();
        boolean plain = "http".equalsIgnoreCase(scheme);
        if (!"https".equalsIgnoreCase(scheme) && !plain) {
            return Optional.of("not an http(s) URL");
        }
        if (plain && !allowPlain) {
            return Optional.of("plain http is not allowed (csms.ocpi.allow-plain-http)");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of("no host, or credentials in the URL");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("unknown host");
        }
        for (InetAddress address : addresses) {
            if (!publicAddress(address)) {
                return Optional.of("not a public address (csms.ocpi.allow-private-addresses)");
            }
        }
        return Optional.empty();
    }

    static boolean publicAddress(InetAddress address) {
        return !(address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()
                || NOT_PUBLIC.stream().anyMatch(r -> r.contains(address.getAddress())));
    }
}
