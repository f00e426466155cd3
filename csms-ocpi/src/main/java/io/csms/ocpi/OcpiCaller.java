package io.csms.ocpi;

import io.csms.roaming.Partners;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** Who is calling in this request, as {@link OcpiAuthentication} established it; empty for open data. */
@RequestScoped
public class OcpiCaller {

    private Partners.Authenticated partner;
    private String token;
    private OcpiRouting.Route route = OcpiRouting.Route.NONE;

    void authenticated(Partners.Authenticated partner, String token, OcpiRouting.Route route) {
        this.partner = partner;
        this.token = token;
        this.route = route;
    }

    /** The routing headers of the request, checked: from a party the partner may speak for, to us. */
    public OcpiRouting.Route route() {
        return route;
    }

    public Optional<Partners.Authenticated> partner() {
        return Optional.ofNullable(partner);
    }

    /** The partner, for resources that are never served anonymously. */
    public Partners.Authenticated required() {
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
