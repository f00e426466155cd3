package io.csms.ocpi;

import io.csms.roaming.CredentialsObjects;
import io.csms.roaming.Registrations;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

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

    @Context
    UriInfo uriInfo;

    /** GET: our credentials, with the token the caller uses. */
    @GET
    public Response get() {
        return ok(CredentialsObjects.ours(
                version(), caller.token(), baseUrl.versions(uriInfo), registrations.ourParty()));
    }

    @POST
    public Response register(String body) {
        return answer(
                registrations.register(caller.required(), version(), OcpiJson.read(body), baseUrl.versions(uriInfo)));
    }

    @PUT
    public Response update(String body) {
        return answer(
                registrations.update(caller.required(), version(), OcpiJson.read(body), baseUrl.versions(uriInfo)));
    }

    @DELETE
    public Response unregister() {
        return answer(registrations.unregister(caller.required()));
    }

    private String version() {
        return OcpiModules.moduleOf(getClass()).version();
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
