package io.csms.ocpi;

import io.csms.roaming.access.Route;
import io.csms.roaming.access.Routes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;

/**
 * OCPI 2.2.1 transport: {@code X-Request-ID} and {@code X-Correlation-ID} are echoed (or made up when
 * the request had none) on every response, errors included. A routed request (one with
 * {@code OCPI-from-*} headers) is answered from us to its sender.
 */
@Provider
public class OcpiHeaders implements ContainerResponseFilter {

    static final String REQUEST_ID = "X-Request-ID";
    static final String CORRELATION_ID = "X-Correlation-ID";

    @Inject
    Routes routes;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(REQUEST_ID, idOrNew(request.getHeaderString(REQUEST_ID)));
        response.getHeaders().putSingle(CORRELATION_ID, idOrNew(request.getHeaderString(CORRELATION_ID)));
        // a request attribute rather than the request-scoped caller: an asynchronous resource (POST
        // credentials) is answered from a thread without the request's CDI context
        Route route = request.getProperty(OcpiCaller.ROUTE_ATTRIBUTE) instanceof Route r ? r : Route.NONE;
        Route.Party sender = route.from();
        if (sender != null) {
            response.getHeaders()
                    .putSingle(OcpiAuthentication.FROM_COUNTRY, routes.ours().countryCode());
            response.getHeaders()
                    .putSingle(OcpiAuthentication.FROM_PARTY, routes.ours().partyId());
            response.getHeaders().putSingle(OcpiAuthentication.TO_COUNTRY, sender.countryCode());
            response.getHeaders().putSingle(OcpiAuthentication.TO_PARTY, sender.partyId());
        }
    }

    /** An id as given when it is a sane token (at most 36 printable characters), otherwise a new UUID. */
    private static String idOrNew(String given) {
        return given != null && given.matches("[\\x21-\\x7E]{1,36}")
                ? given
                : UUID.randomUUID().toString();
    }
}
