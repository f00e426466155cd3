package io.csms.ocpi;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error of the OCPI door is an OCPI envelope: a body that is not JSON is 400 with 2001 (OCPI
 * status_codes: "not a valid JSON string"), so is a malformed paging parameter, JAX-RS's own errors keep their HTTP status with 2000, and
 * a database outage is 503 with 3000 and Retry-After, anything unexpected is 500 with 3000, logged
 * once, never shown.
 */
@Provider
public class OcpiErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(OcpiErrors.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof OcpiException ocpi) {
            return ocpi.getResponse();
        }
        if (e instanceof io.csms.platform.Refusal refusal) {
            return switch (refusal.kind()) {
                case INVALID -> envelope(400, OcpiStatus.INVALID_PARAMETERS, refusal.getMessage());
                case NOT_FOUND -> envelope(404, OcpiStatus.CLIENT_ERROR, refusal.getMessage());
                case CONFLICT -> envelope(409, OcpiStatus.CLIENT_ERROR, refusal.getMessage());
                case UPSTREAM -> envelope(502, OcpiStatus.SERVER_ERROR, refusal.getMessage());
                case THROTTLED -> envelope(429, OcpiStatus.CLIENT_ERROR, refusal.getMessage());
            };
        }
        if (e instanceof Paging.InvalidParameter invalid) {
            return envelope(400, OcpiStatus.INVALID_PARAMETERS, invalid.getMessage());
        }
        if (isBadJson(e)) {
            return envelope(400, OcpiStatus.INVALID_PARAMETERS, "The body is not valid JSON");
        }
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return envelope(
                    status,
                    status >= 500 ? OcpiStatus.SERVER_ERROR : OcpiStatus.CLIENT_ERROR,
                    Response.Status.fromStatusCode(status) == null
                            ? "Error"
                            : Response.Status.fromStatusCode(status).getReasonPhrase());
        }
        if (io.csms.platform.Failures.databaseUnreachable(e)) {
            LOG.warning(
                    () -> "OCPI request failed, the database is unreachable: " + io.csms.platform.Failures.summary(e));
            Response unavailable = envelope(503, OcpiStatus.SERVER_ERROR, "Temporarily unavailable, try again shortly");
            return Response.fromResponse(unavailable).header("Retry-After", "5").build();
        }
        LOG.log(Level.SEVERE, "OCPI request failed", e);
        return envelope(500, OcpiStatus.SERVER_ERROR, "Internal error");
    }

    private static boolean isBadJson(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonException
                    || t instanceof JsonbException
                    || (t instanceof ProcessingException && !(t.getCause() instanceof WebApplicationException))) {
                return true;
            }
        }
        return false;
    }

    private static Response envelope(int status, OcpiStatus code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(OcpiResponse.error(code, message))
                .build();
    }
}
