package io.csms.ocpp.v16.outgoing;

import java.util.List;

/** OCPP 1.6 GetConfiguration.req, sent by the CSMS to a charger. */
public record GetConfigurationRequest(List<String> key) {}
