package io.csms.ocpp.v16;

/** OCPP 1.6 Authorize.req. */
public record AuthorizeRequest(@Required @MaxLength(20) String idTag) {}
