package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.Required;

/** OCPP 1.6 CancelReservation.req, sent by the CSMS to a charger. */
public record CancelReservationRequest(@Required Integer reservationId) {}
