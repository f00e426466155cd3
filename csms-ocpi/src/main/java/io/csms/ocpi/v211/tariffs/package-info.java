/** OCPI 2.1.1 Tariffs, CPO interface: the tariff model in 2.1.1 shapes. */
package io.csms.ocpi.v211.tariffs;
