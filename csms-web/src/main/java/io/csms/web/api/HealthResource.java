package io.csms.web.api;

import jakarta.enterprise.context.RequestScoped;
import io.csms.platform.health.DatabaseReadiness;
import io.csms.platform.health.ThreadLiveness;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /csms/api/health/live} and {@code /ready}: the application's MicroProfile Health checks (named
 * one by one: a CDI lookup by qualifier also found a second, broken proxy of the same bean on Payara) in
 * the MicroProfile Health wire format (200 UP / 503 DOWN), served by the application itself so they
 * answer the same on every server (WildFly's own endpoint does not see checks inside an EAR). Public:
 * they reveal no secrets.
 */
@Path("health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    @Liveness
    ThreadLiveness threads;

    @Inject
    @Readiness
    DatabaseReadiness database;

    public record Check(String name, String status, Map<String, Object> data) {}

    public record Report(String status, List<Check> checks) {}

    @GET
    @Path("live")
    public Response live() {
        return report(List.of(threads));
    }

    @GET
    @Path("ready")
    public Response ready() {
        return report(List.of(database));
    }

    private static Response report(List<HealthCheck> checks) {
        List<Check> results = checks.stream().map(HealthResource::run).toList();
        boolean up = results.stream().allMatch(c -> c.status().equals("UP"));
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new Report(up ? "UP" : "DOWN", results)).build();
    }

    private static Check run(HealthCheck check) {
        try {
            HealthCheckResponse response = check.call();
            Optional<Map<String, Object>> data = response.getData();
            return new Check(response.getName(), response.getStatus().name(), data.orElse(Map.of()));
        } catch (RuntimeException e) {
            return new Check(check.getClass().getSimpleName(), "DOWN", Map.of("error", e.getClass().getSimpleName()));
        }
    }
}
