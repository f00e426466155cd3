/**
 * Black-box tests of the deployed EAR over real HTTP and WebSocket, on a real Payara Server (and, in
 * {@code wildfly}, on WildFly) with a real PostgreSQL, all started by {@link io.csms.it.ServerUnderTest}.
 */
package io.csms.it;
