/** The driver app's API: accounts and tokens, cards and vehicles, chargers, remote start and stop, sessions. */
package io.csms.web.api.driver;
