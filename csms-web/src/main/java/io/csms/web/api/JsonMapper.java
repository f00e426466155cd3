package io.csms.web.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON, or not of the expected shape (wrong type, unknown enum value): 400. */
@Provider
public class JsonMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return Problems.response(
                        Response.Status.BAD_REQUEST, "invalid-json", "The body is not valid JSON of the expected shape")
                .build();
    }
}
