/** OCPI 2.1.1 Tokens, CPO interface: eMSPs push their drivers' tokens, in 2.1.1 shapes. */
package io.csms.ocpi.v211.tokens;
