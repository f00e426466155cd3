/** OCPI 2.2.1 Tokens, Receiver interface: eMSPs push their drivers' tokens. */
package io.csms.ocpi.v221.tokens;
