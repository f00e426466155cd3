package io.csms.ocpi;

import io.csms.platform.TrustedProxies;
import io.csms.roaming.access.PartnerAccess;
import io.csms.roaming.access.PartnerAdmission;
import io.csms.roaming.access.Presented;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/**
 * Every OCPI request: reads what the request shows and hands it to {@link PartnerAdmission}, which
 * decides (token, second secret, certificate, address, module rights, routing, throttling); here the
 * decision only becomes HTTP: the caller for the resources, or an OCPI error envelope.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class OcpiAuthentication implements ContainerRequestFilter {

    static final String TO_COUNTRY = "OCPI-to-country-code";
    static final String TO_PARTY = "OCPI-to-party-id";
    static final String FROM_COUNTRY = "OCPI-from-country-code";
    static final String FROM_PARTY = "OCPI-from-party-id";

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servlet;

    @Inject
    PartnerAdmission admission;

    @Inject
    TrustedProxies proxies;

    @Inject
    OcpiCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        OcpiModule module =
                resource.getResourceClass() == null ? null : OcpiModules.moduleOf(resource.getResourceClass());
        if (module == null) {
            return;
        }
        PartnerAccess access = admission.admit(new Presented(
                OcpiModules.ref(module),
                request.getMethod(),
                request.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getHeaderString("TOTP"),
                proxies.secure(servlet),
                certificateSha256(),
                TlsExporter.material(servlet),
                proxies.clientAddress(servlet),
                request.getHeaderString(TO_COUNTRY),
                request.getHeaderString(TO_PARTY),
                request.getHeaderString(FROM_COUNTRY),
                request.getHeaderString(FROM_PARTY)));
        if (access instanceof PartnerAccess.Granted granted) {
            caller.authenticated(granted.partner(), granted.token(), granted.route());
            // also where a response filter finds it after an asynchronous resource resumed on
            // another thread, outside this request's CDI context
            servlet.setAttribute(OcpiCaller.ROUTE_ATTRIBUTE, granted.route());
        } else if (access instanceof PartnerAccess.Refused refused) {
            throw new OcpiException(refused.httpStatus(), status(refused.statusCode()), refused.message());
        } else if (access instanceof PartnerAccess.Throttled throttled) {
            throw new OcpiException(
                    Response.status(429)
                            .header(
                                    HttpHeaders.RETRY_AFTER,
                                    throttled.retryAfter().toSeconds()),
                    OcpiStatus.CLIENT_ERROR,
                    "Too many requests; retry after " + throttled.retryAfter().toSeconds() + " s");
        } else if (!(access instanceof PartnerAccess.Anonymous)) {
            throw new AssertionError("Unhandled access " + access);
        }
    }

    private static OcpiStatus status(int code) {
        for (OcpiStatus status : OcpiStatus.values()) {
            if (status.code() == code) {
                return status;
            }
        }
        return OcpiStatus.CLIENT_ERROR;
    }

    private String certificateSha256() {
        Object attribute = servlet.getAttribute("jakarta.servlet.request.X509Certificate");
        if (!(attribute instanceof X509Certificate[] chain) || chain.length == 0) {
            return null;
        }
        try {
            return io.csms.platform.RandomTokens.sha256(chain[0].getEncoded());
        } catch (CertificateEncodingException e) {
            return null;
        }
    }
}
