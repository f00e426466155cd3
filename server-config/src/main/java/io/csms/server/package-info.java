/**
 * Running the CSMS: the embedded PostgreSQL, Payara Server and WildFly provisioning and control,
 * and the run command. Used by {@code server-config/run} and by the integration tests; never
 * deployed inside the EAR.
 */
package io.csms.server;
