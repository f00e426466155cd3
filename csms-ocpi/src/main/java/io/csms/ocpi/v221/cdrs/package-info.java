/** OCPI 2.2.1 CDRs, Sender interface: partners' drivers' CDRs as partners read and receive them. */
package io.csms.ocpi.v221.cdrs;
