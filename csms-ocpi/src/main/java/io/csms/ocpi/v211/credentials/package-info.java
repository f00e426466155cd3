/** OCPI 2.1.1 credentials module: the version-neutral handshake served at {@code /ocpi/2.1.1/credentials}. */
package io.csms.ocpi.v211.credentials;
