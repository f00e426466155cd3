package io.csms.ocpi;

import io.csms.roaming.CredentialsObjects;
import io.csms.roaming.Registrations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The credentials module, the same in every version but for the object's shape (see {@link CredentialsObjects}). */
@RequestScoped
public class CredentialsModule {

    @Inject
    Registrations registrations;

    @Inject
    OcpiCaller caller;

    @Inject
    BaseUrl baseUrl;

    /** GET: our credentials, with the token the caller uses. */
    public Response get(String version, UriInfo uriInfo) {
        return ok(CredentialsObjects.ours(version, caller.token(), baseUrl.versions(uriInfo), registrations.ourParty()));
    }

    public Response post(String version, String body, UriInfo uriInfo) {
        return answer(registrations.register(caller.required(), version, OcpiJson.read(body), baseUrl.versions(uriInfo)));
    }

    public Response put(String version, String body, UriInfo uriInfo) {
        return answer(registrations.update(caller.required(), version, OcpiJson.read(body), baseUrl.versions(uriInfo)));
    }

    public Response delete() {
        return answer(registrations.unregister(caller.required()));
    }

    private static Response answer(Registrations.Answer answer) {
        if (answer instanceof Registrations.Answer.Ours ours) {
            return ok(ours.credentials());
        }
        Registrations.Answer.Error error = (Registrations.Answer.Error) answer;
        return Response.status(error.httpStatus()).type(MediaType.APPLICATION_JSON)
                .entity(OcpiResponse.error(error.statusCode(), error.message())).build();
    }

    private static Response ok(Object data) {
        return Response.ok(OcpiResponse.success(data), MediaType.APPLICATION_JSON).build();
    }
}
