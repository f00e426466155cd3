/**
 * The OCPP 1.6-J door: the WebSocket endpoint {@code /csms/ocpp/{chargePointId}} and the filter that
 * checks the handshake before the upgrade. Frames are handed to csms-ejb; nothing is decided here.
 */
package io.csms.web.ocpp;
