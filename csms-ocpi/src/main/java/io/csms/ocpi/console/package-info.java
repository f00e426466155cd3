/** The operators' JSF console under {@code /ocpi/admin}: partners, chargers, users. */
package io.csms.ocpi.console;
