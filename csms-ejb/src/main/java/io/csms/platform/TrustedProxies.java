package io.csms.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is on the other end of a request: the connecting address, or, when that is one of the reverse
 * proxies the operator trusts ({@code csms.http.trusted-proxies}, CIDR ranges; none by default), the
 * address and scheme the proxy reports in {@code X-Forwarded-For} / {@code X-Forwarded-Proto}.
 * Nobody else can set those headers to dodge a limit or to aim one at someone else. Every throttle,
 * allow-list and audit row takes its address from here.
 */
@ApplicationScoped
public class TrustedProxies {

    @Inject
    @ConfigProperty(name = "csms.http.trusted-proxies")
    Optional<String> trusted;

    private List<AddressRange> proxies;

    @PostConstruct
    void parse() {
        proxies = AddressRange.parseList(trusted.orElse(""));
    }

    /** The client's address: the connecting one, or the nearest untrusted hop a trusted proxy reports. */
    public String clientAddress(HttpServletRequest request) {
        return clientAddress(request.getRemoteAddr(), headers(request, "X-Forwarded-For"));
    }

    /** Whether the client reached us over TLS (itself, or at a trusted proxy that says so). */
    public boolean secure(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        if (!AddressRange.any(proxies, request.getRemoteAddr())) {
            return false;
        }
        List<String> protos = headers(request, "X-Forwarded-Proto");
        return !protos.isEmpty() && protos.get(protos.size() - 1).equalsIgnoreCase("https");
    }

    String clientAddress(String remote, List<String> forwardedFor) {
        if (!AddressRange.any(proxies, remote)) {
            return remote;
        }
        // right to left: the first hop our proxies did not add is the client (anything left of it is hearsay)
        List<String> hops = new ArrayList<>(forwardedFor);
        Collections.reverse(hops);
        String client = remote;
        for (String hop : hops) {
            Optional<byte[]> literal = AddressRange.literal(hop);
            if (literal.isEmpty()) {
                break;
            }
            client = hop.strip();
            if (!AddressRange.any(proxies, client)) {
                break;
            }
        }
        return client;
    }

    /** Every value of a header, comma-separated lists split, in order. */
    private static List<String> headers(HttpServletRequest request, String name) {
        List<String> values = new ArrayList<>();
        var all = request.getHeaders(name);
        while (all != null && all.hasMoreElements()) {
            for (String value : all.nextElement().split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        return values;
    }
}
