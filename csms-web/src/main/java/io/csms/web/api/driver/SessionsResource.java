package io.csms.web.api.driver;

import io.csms.charging.DriverSessions;
import io.csms.charging.LiveSessions;
import io.csms.platform.Refusal;
import io.csms.transaction.TransactionEvent;
import io.csms.web.api.Caller;
import io.csms.web.api.OpenApiResource;
import io.csms.web.api.Problems;
import io.csms.web.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /csms/api/sessions}: the driver's sessions, newest first and paginated ({@code X-Total-Count},
 * {@code Link: rel="next"}); one session with its meter values; and {@code /live}, a Server-Sent
 * Events stream of a session: {@code session} now, then {@code meterValues} as they are stored, then
 * {@code stopped}.
 */
@Path("sessions")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN, Roles.ROOT})
@Tag(name = "Sessions", description = "The driver's charging sessions")
@SecurityRequirement(name = OpenApiResource.BEARER)
@APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
public class SessionsResource {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    DriverSessions sessions;

    @Inject
    LiveSessions live;

    @Inject
    Caller caller;

    @Operation(summary = "The sessions, newest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of sessions",
            headers = {
                @Header(
                        name = "X-Total-Count",
                        description = "How many there are in all",
                        schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = "Link", description = "<url>; rel=\"next\" unless this is the last page")
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = DriverSessions.Session.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        long accountId = caller.accountId();
        List<DriverSessions.Session> page = sessions.list(accountId, offset, limit);
        long total = sessions.count(accountId);
        Response.ResponseBuilder response = Response.ok(page).header("X-Total-Count", total);
        if (offset + page.size() < total) {
            response.link(
                    UriBuilder.fromPath("/csms/api/sessions")
                            .queryParam("offset", offset + limit)
                            .queryParam("limit", limit)
                            .build(),
                    "next");
        }
        return response.build();
    }

    @Operation(summary = "One session with its meter values")
    @APIResponse(
            responseCode = "200",
            description = "The session",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DriverSessions.Detail.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public DriverSessions.Detail get(@PathParam("id") int id) {
        return sessions.detail(caller.accountId(), id);
    }

    /** A {@code meterValues} event: what the charger just reported, and the register reading among it. */
    public record LiveMeterValues(int transactionId, List<DriverSessions.Reading> meterValues, Integer registerWh) {}

    /** The {@code stopped} event. */
    public record LiveStop(
            int transactionId, int meterStop, Integer energyWh, java.time.Instant stopTime, String reason) {}

    @Operation(
            summary =
                    "Follow a session live: Server-Sent Events session, meterValues (each MeterValues the charger sends), stopped")
    @APIResponse(
            responseCode = "200",
            description = "The event stream",
            content =
                    @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "429", ref = Problems.TOO_MANY_REQUESTS)
    @GET
    @Path("{id}/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void live(@PathParam("id") int id, @Context SseEventSink sink, @Context Sse sse) {
        long accountId = caller.accountId();
        DriverSessions.Detail detail = sessions.detail(accountId, id); // 404 unless the caller's
        LiveSessions.Stream stream = live.admit(accountId)
                .orElseThrow(() -> Refusal.throttled(
                        "too-many-live-streams",
                        "Too many live streams are open for this account; close one first",
                        java.time.Duration.ofSeconds(5)));
        AtomicReference<AutoCloseable> watch = new AtomicReference<>();
        Runnable end = () -> {
            AutoCloseable w = watch.getAndSet(null);
            try {
                if (w != null) {
                    w.close();
                }
                sink.close();
            } catch (Exception e) {
                // the client went away first
            } finally {
                stream.close();
            }
        };
        // a comment now and then finds a client that went away; a stream ends after its lifetime
        stream.timed(
                () -> {
                    if (sink.isClosed()) {
                        end.run();
                    } else {
                        sink.send(sse.newEventBuilder().comment("keep-alive").build())
                                .whenComplete((ok, failure) -> {
                                    if (failure != null) {
                                        end.run();
                                    }
                                });
                    }
                },
                end);
        sink.send(event(sse, "session", JSONB.toJson(detail.session())));
        if (detail.session().stopTime() != null) {
            end.run();
            return;
        }
        watch.set(live.watch(id, event -> {
            boolean last = event instanceof TransactionEvent.Stopped;
            String json = last
                    ? JSONB.toJson(stop((TransactionEvent.Stopped) event))
                    : JSONB.toJson(meterValues((TransactionEvent.Metered) event));
            sink.send(event(sse, last ? "stopped" : "meterValues", json)).whenComplete((ok, failure) -> {
                if (failure != null || last) {
                    end.run();
                }
            });
        }));
        // a stop stored between the first read and the watch would otherwise never be told
        DriverSessions.Session now = sessions.detail(accountId, id).session();
        if (now.stopTime() != null && watch.get() != null) {
            sink.send(event(
                    sse,
                    "stopped",
                    JSONB.toJson(new LiveStop(id, now.meterStop(), now.energyWh(), now.stopTime(), now.stopReason()))));
            end.run();
        }
    }

    private static LiveStop stop(TransactionEvent.Stopped stopped) {
        return new LiveStop(
                stopped.transactionId(), stopped.meterStop(), stopped.energyWh(), stopped.at(), stopped.reason());
    }

    private static LiveMeterValues meterValues(TransactionEvent.Metered metered) {
        return new LiveMeterValues(
                metered.transactionId(),
                metered.samples().stream().map(DriverSessions.Reading::of).toList(),
                DriverSessions.registerWh(metered.samples()));
    }

    private static OutboundSseEvent event(Sse sse, String name, String json) {
        return sse.newEventBuilder()
                .name(name)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, json)
                .build();
    }
}
