/** OCPI 2.1.1 Locations, Sender interface: the location model in 2.1.1 shapes. */
package io.csms.ocpi.v211.locations;
