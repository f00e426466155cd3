package io.csms.web.api;

import io.csms.platform.health.DatabaseReadiness;
import io.csms.platform.health.ThreadLiveness;
import jakarta.enterprise.context.RequestScoped;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "Health", description = "MicroProfile Health checks, public")
public class HealthResource {

    @Inject
    @Liveness
    ThreadLiveness threads;

    @Inject
    @Readiness
    DatabaseReadiness database;

    public record Check(String name, String status, Map<String, Object> data) {}

    public record Report(String status, List<Check> checks) {}

    @Operation(summary = "Liveness")
    @APIResponse(
            responseCode = "200",
            description = "Up",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)))
    @APIResponse(
            responseCode = "503",
            description = "Down",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)))
    @GET
    @Path("live")
    public Response live() {
        return report(List.of(threads));
    }

    @Operation(summary = "Readiness (the database answers)")
    @APIResponse(
            responseCode = "200",
            description = "Up",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)))
    @APIResponse(
            responseCode = "503",
            description = "Down",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)))
    @GET
    @Path("ready")
    public Response ready() {
        return report(List.of(database));
    }

    private static Response report(List<HealthCheck> checks) {
        List<Check> results = checks.stream().map(HealthResource::run).toList();
        boolean up = results.stream().allMatch(c -> c.status().equals("UP"));
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new Report(up ? "UP" : "DOWN", results))
                .build();
    }

    private static Check run(HealthCheck check) {
        try {
            HealthCheckResponse response = check.call();
            Optional<Map<String, Object>> data = response.getData();
            return new Check(response.getName(), response.getStatus().name(), data.orElse(Map.of()));
        } catch (RuntimeException e) {
            return new Check(
                    check.getClass().getSimpleName(),
                    "DOWN",
                    Map.of("error", e.getClass().getSimpleName()));
        }
    }
}
