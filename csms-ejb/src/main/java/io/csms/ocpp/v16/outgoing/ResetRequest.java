package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.OneOf;
import io.csms.ocpp.v16.Required;

/** OCPP 1.6 Reset.req, sent by the CSMS to a charger. */
public record ResetRequest(
        @Required @OneOf({"Hard", "Soft"}) String type) {}
