/** OCPI 2.2.1 Locations, Sender interface: our locations, EVSEs and connectors as partners read them. */
package io.csms.ocpi.v221.locations;
