/** OCPI 2.2.1 Commands, Receiver. */
package io.csms.ocpi.v221.commands;
