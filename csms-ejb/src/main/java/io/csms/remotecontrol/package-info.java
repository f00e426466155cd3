/**
 * Operations the CSMS asks of chargers (OCPP 1.6 CSMS-initiated messages). The one entry point that
 * the operator API, the driver API, OCPI commands and the console all use.
 */
package io.csms.remotecontrol;
