package io.csms.ocpp.v16;

/** The empty {@code .conf} of notifications (MeterValues, StatusNotification, ...). */
public record Empty() {}
