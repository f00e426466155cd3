package io.csms.web.api;

import io.csms.platform.Failures;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever no other mapper answers: a body the JSON binding could not read is a 400; anything else a
 * 503 with Retry-After while the database is out of reach; anything else a 500 problem naming a
 * reference that is in the log with the full trace. Never a stack trace or the server's error page to
 * the client (security review L5).
 */
@Provider
public class UnexpectedMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonbException) {
                return Problems.response(
                                Response.Status.BAD_REQUEST,
                                "invalid-json",
                                "The body is not valid JSON of the expected shape")
                        .build();
            }
        }
        if (Failures.databaseUnreachable(failure)) {
            // an outage is not a bug: one line per request, the client is told to come back
            LOG.warning(() -> "Request failed, the database is unreachable: " + Failures.summary(failure));
            return Problems.response(
                            Response.Status.SERVICE_UNAVAILABLE,
                            "unavailable",
                            "The service is briefly unavailable; try again shortly")
                    .header("Retry-After", "5")
                    .build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Request failed [" + reference + "]: " + Failures.summary(failure), failure);
        return Problems.response(
                        Response.Status.INTERNAL_SERVER_ERROR,
                        "internal-error",
                        "Something went wrong on our side (reference " + reference + ")")
                .build();
    }
}
