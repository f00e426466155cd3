package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.MaxLength;
import io.csms.ocpp.v16.Required;

/** OCPP 1.6 ChangeConfiguration.req, sent by the CSMS to a charger. */
public record ChangeConfigurationRequest(
        @Required @MaxLength(50) String key,
        @Required @MaxLength(500) String value) {}
