/** OCPI 2.1.1 Commands, Receiver. */
package io.csms.ocpi.v211.commands;
