/**
 * The OCPP 1.6 requests the CSMS sends to chargers (core profiles and the security extension), one
 * record per {@code Action.req}: an operator's, a driver's or a partner's command is checked against
 * its record before it is sent, so nothing leaves that the charger's schema would refuse.
 */
package io.csms.ocpp.v16.outgoing;
