/**
 * Sites where drivers charge, as the operator describes them for roaming partners and regulators
 * (OCPI Locations): a location with its EVSEs, each EVSE on one OCPP 1.6 charger connector (1.6 has
 * no EVSE level: one OCPP connector is one EVSE, whose OCPI connectors are the plugs of that outlet),
 * its status following the connector's StatusNotifications. Depends on {@code chargepoint}, which
 * never knows locations. The model's field set is OCPI 2.2.1's (the standard's own description of
 * a site); the OCPI door sends it as 2.2.1 and maps it for other versions.
 */
package io.csms.location;
