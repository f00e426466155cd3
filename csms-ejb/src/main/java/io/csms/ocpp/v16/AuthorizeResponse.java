package io.csms.ocpp.v16;

/** OCPP 1.6 Authorize.conf. */
public record AuthorizeResponse(IdTagInfo idTagInfo) {}
