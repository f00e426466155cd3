package io.csms.ocpi;

import io.csms.roaming.access.PartnerPrincipal;
import io.csms.roaming.access.Route;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** Who is calling in this request, as {@link OcpiAuthentication} established it; empty for open data. */
@RequestScoped
public class OcpiCaller {

    /** The request attribute that carries the checked {@link Route} (for {@link OcpiHeaders}). */
    static final String ROUTE_ATTRIBUTE = "io.csms.ocpi.route";

    private PartnerPrincipal partner;
    private String token;
    private Route route = Route.NONE;

    void authenticated(PartnerPrincipal partner, String token, Route route) {
        this.partner = partner;
        this.token = token;
        this.route = route;
    }

    /** The routing headers of the request, checked: from a party the partner may speak for, to us. */
    public Route route() {
        return route;
    }

    public Optional<PartnerPrincipal> partner() {
        return Optional.ofNullable(partner);
    }

    /** The partner, for resources that are never served anonymously. */
    public PartnerPrincipal required() {
        if (partner == null) {
            throw new IllegalStateException("No authenticated partner in this request");
        }
        return partner;
    }

    /** The token the partner presented (what its GET credentials shows back to it). */
    public String token() {
        return token;
    }
}
