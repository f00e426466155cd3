/** OCPI 2.1.1 CDRs, CPO interface: the CDR model in 2.1.1 shapes. */
package io.csms.ocpi.v211.cdrs;
