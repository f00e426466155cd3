package io.csms.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code GET /csms/api/me}: who the bearer token says the caller is. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    JsonWebToken token;

    public record Me(String subject, String name, Set<String> roles) {}

    @GET
    @RolesAllowed({Roles.USER, Roles.ADMIN, Roles.ROOT})
    public Me me() {
        return new Me(token.getSubject(), token.getName(), new TreeSet<>(token.getGroups()));
    }
}
