package io.csms.web.api;

import io.csms.platform.AdminAddresses;
import io.csms.platform.Environment;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The operator API ({@code /csms/api/admin/...}) is an admin surface: it answers only callers from
 * {@code csms.admin.allowed-addresses} (CIDR ranges; anyone when unset), and, where {@code
 * csms.admin.require-mfa} is on, only tokens whose login passed the second factor ({@code amr}
 * holds {@code otp}). The tokens the CSMS issues carry operator roles only then anyway; this holds
 * for tokens issued before the setting changed, too. Both refusals are 403 problems.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class AdminGuard implements ContainerRequestFilter {

    @Inject
    JsonWebToken token;

    @Inject
    Caller caller;

    @Inject
    Environment environment;

    @Inject
    AdminAddresses addresses;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("admin/") && !path.equals("admin") && !path.startsWith("/admin")) {
            return;
        }
        if (!addresses.admits(caller.address())) {
            request.abortWith(Problems.response(
                            Response.Status.FORBIDDEN,
                            "address-not-allowed",
                            "The operator API does not answer this address")
                    .build());
            return;
        }
        if (environment.flag(Environment.Safeguard.ADMIN_REQUIRE_MFA)
                && token.getRawToken() != null
                && !amr().contains("otp")) {
            request.abortWith(Problems.response(
                            Response.Status.FORBIDDEN,
                            "second-factor-required",
                            "Operator rights need a login with the second factor")
                    .build());
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> amr() {
        Object amr = token.getClaim("amr");
        if (amr instanceof jakarta.json.JsonArray array) {
            return array.getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString)
                    .toList();
        }
        if (amr instanceof java.util.Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
