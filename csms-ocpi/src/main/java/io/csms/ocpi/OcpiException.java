package io.csms.ocpi;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Ends a request with an OCPI envelope: an HTTP status and an OCPI status code. */
public class OcpiException extends WebApplicationException {

    public OcpiException(int httpStatus, OcpiStatus status, String message) {
        this(Response.status(httpStatus), status, message);
    }

    /** With a response builder carrying extra headers. */
    public OcpiException(Response.ResponseBuilder response, OcpiStatus status, String message) {
        super(
                message,
                response.type(MediaType.APPLICATION_JSON)
                        .entity(OcpiResponse.error(status, message))
                        .build());
    }

    public static OcpiException unauthorized(String message) {
        return new OcpiException(401, OcpiStatus.CLIENT_ERROR, message);
    }
}
