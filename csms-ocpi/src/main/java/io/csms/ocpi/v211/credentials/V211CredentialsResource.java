package io.csms.ocpi.v211.credentials;

import io.csms.ocpi.CredentialsModule;
import io.csms.ocpi.OcpiModule;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /ocpi/2.1.1/credentials}: registration (POST), update and rotation (PUT), unregistration (DELETE), ours (GET). */
@Path("2.1.1/credentials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@OcpiModule(id = OcpiModule.CREDENTIALS, version = "2.1.1", path = "credentials")
public class V211CredentialsResource {

    private static final String VERSION = "2.1.1";

    @Inject
    CredentialsModule credentials;

    @Context
    UriInfo uriInfo;

    @GET
    public Response get() {
        return credentials.get(VERSION, uriInfo);
    }

    @POST
    public Response register(String body) {
        return credentials.post(VERSION, body, uriInfo);
    }

    @PUT
    public Response update(String body) {
        return credentials.put(VERSION, body, uriInfo);
    }

    @DELETE
    public Response unregister() {
        return credentials.delete();
    }
}
