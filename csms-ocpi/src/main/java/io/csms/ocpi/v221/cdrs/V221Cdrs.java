package io.csms.ocpi.v221.cdrs;

import io.csms.ocpi.LocationsSender;
import io.csms.roaming.cdrs.CdrData;
import jakarta.json.JsonObject;

/** The OCPI 2.2.1 CDR object: the model's own fields (it is 2.2.1's shape). */
public final class V221Cdrs {

    private V221Cdrs() {}

    public static JsonObject cdr(CdrData cdr) {
        return LocationsSender.json(cdr);
    }
}
