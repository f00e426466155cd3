package io.csms.ocpi;

import io.csms.roaming.CredentialsObjects;
import io.csms.roaming.Registrations;
import io.csms.roaming.access.PartnerPrincipal;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The credentials module: registration (POST), update and rotation (PUT), unregistration (DELETE),
 * ours (GET). The same in every version but for the object's shape (see {@link CredentialsObjects});
 * each version's subclass only names its path and {@link OcpiModule}.
 */
public abstract class CredentialsResource {

    @Inject
    Registrations registrations;

    @Inject
    OcpiCaller caller;

    @Inject
    BaseUrl baseUrl;

    @Resource
    ManagedExecutorService executor;

    @Context
    UriInfo uriInfo;

    /** GET: our credentials, with the token the caller uses. */
    @GET
    public Response get() {
        return ok(CredentialsObjects.ours(
                version(), caller.token(), baseUrl.versions(uriInfo), registrations.ourParty()));
    }

    /**
     * POST: register. The handshake calls the partner back; it runs off the HTTP worker thread
     * (security review H8), which is free for other requests meanwhile.
     */
    @POST
    public void register(String body, @Suspended AsyncResponse response) {
        PartnerPrincipal partner = caller.required();
        JsonValue credentials = OcpiJson.read(body);
        String ours = baseUrl.versions(uriInfo);
        String version = version();
        offThread(response, () -> registrations.register(partner, version, credentials, ours));
    }

    /** PUT: new token and endpoints (a rotation by the partner), off the HTTP worker thread like POST. */
    @PUT
    public void update(String body, @Suspended AsyncResponse response) {
        PartnerPrincipal partner = caller.required();
        JsonValue credentials = OcpiJson.read(body);
        String ours = baseUrl.versions(uriInfo);
        String version = version();
        offThread(response, () -> registrations.update(partner, version, credentials, ours));
    }

    private void offThread(AsyncResponse response, Supplier<Registrations.Answer> handshake) {
        response.setTimeout(60, TimeUnit.SECONDS);
        try {
            executor.execute(() -> {
                try {
                    response.resume(answer(handshake.get()));
                } catch (RuntimeException e) {
                    response.resume(e);
                }
            });
        } catch (RejectedExecutionException e) {
            response.resume(new OcpiException(503, OcpiStatus.SERVER_ERROR, "Busy; try again later"));
        }
    }

    @DELETE
    public Response unregister() {
        return answer(registrations.unregister(caller.required()));
    }

    private String version() {
        return OcpiModules.versionOf(OcpiModules.moduleOf(getClass())).text();
    }

    private static Response answer(Registrations.Answer answer) {
        if (answer instanceof Registrations.Answer.Ours ours) {
            return ok(ours.credentials());
        }
        Registrations.Answer.Error error = (Registrations.Answer.Error) answer;
        return Response.status(error.httpStatus())
                .type(MediaType.APPLICATION_JSON)
                .entity(OcpiResponse.error(error.statusCode(), error.message()))
                .build();
    }

    private static Response ok(Object data) {
        return Response.ok(OcpiResponse.success(data), MediaType.APPLICATION_JSON)
                .build();
    }
}
