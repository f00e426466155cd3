/** OCPI 2.2.1 Tariffs, Sender interface: our tariffs as partners read them. */
package io.csms.ocpi.v221.tariffs;
