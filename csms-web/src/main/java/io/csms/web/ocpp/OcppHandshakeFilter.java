package io.csms.web.ocpp;

import io.csms.chargepoint.Admission;
import io.csms.chargepoint.ChargerAdmission;
import io.csms.platform.TrustedProxies;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks an OCPP WebSocket handshake before the upgrade, where an HTTP status can still be answered
 * (the WebSocket API itself cannot refuse): subprotocol {@code ocpp1.6} offered and the charger id
 * in its one canonical form (else 400), the charger known (else 404), authenticated per its
 * security profile (else 401, or 403 without TLS), and not locked out by failed handshakes (else
 * 429 with Retry-After).
 */
@WebFilter(urlPatterns = "/ocpp/*", asyncSupported = true)
public class OcppHandshakeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String SUBPROTOCOL = "ocpp1.6";

    @Inject
    ChargerAdmission admission;

    @Inject
    TrustedProxies proxies;

    @Inject
    UnderlyingSockets sockets;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "OCPP 1.6-J needs a WebSocket upgrade");
            return;
        }
        if (!offersOcpp16(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Subprotocol " + SUBPROTOCOL + " required");
            return;
        }
        Optional<String> chargerId = chargerId(request);
        if (chargerId.isEmpty()) {
            response.sendError(
                    HttpServletResponse.SC_BAD_REQUEST,
                    "The charger id is the last path segment: 1 to 48 of A-Z a-z 0-9 . _ * - (no encoding, no ;)");
            return;
        }
        String[] basic = basicCredentials(request);
        X509Certificate[] certificates =
                (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
        Admission decision = admission.admit(new ChargerAdmission.Handshake(
                chargerId.get(), basic[0], basic[1], request.isSecure(), certificates, proxies.clientAddress(request)));
        if (decision instanceof Admission.Admitted) {
            sockets.admitted(chargerId.get(), request);
            chain.doFilter(request, response);
        } else if (decision instanceof Admission.Unknown) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Unknown charger");
        } else if (decision instanceof Admission.TlsRequired) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "This charger must connect over TLS (wss)");
        } else if (decision instanceof Admission.Throttled throttled) {
            response.setHeader(
                    "Retry-After", Long.toString(throttled.retryAfter().toSeconds()));
            response.sendError(429, "Too many failed handshakes; retry later");
        } else if (decision instanceof Admission.Unauthenticated) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ocpp\", charset=\"UTF-8\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            throw new AssertionError("Unhandled admission " + decision);
        }
    }

    /**
     * OCPP-J: the charge point identity is the last path segment. Read from the raw URI (the path
     * info belongs to whichever servlet the container picked for the upgrade), in its one canonical
     * form ({@link OcppPath}).
     */
    static Optional<String> chargerId(HttpServletRequest request) {
        return OcppPath.chargerId(
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    private static String[] basicCredentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new String[2];
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? new String[2] : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return new String[2];
        }
    }

    private static boolean offersOcpp16(HttpServletRequest request) {
        var offered = request.getHeaders("Sec-WebSocket-Protocol");
        while (offered != null && offered.hasMoreElements()) {
            if (Arrays.stream(offered.nextElement().split(","))
                    .map(String::trim)
                    .anyMatch(SUBPROTOCOL::equals)) {
                return true;
            }
        }
        return false;
    }
}
