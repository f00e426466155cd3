package io.csms.it.wildfly;

import io.csms.it.DatabaseOutageIT;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link DatabaseOutageIT} on WildFly, whose pool has no validation a deployment can switch on: a
 * connection that fails is replaced, and the server recovers without a redeploy all the same.
 */
@ExtendWith(ArquillianExtension.class)
class WildFlyDatabaseOutageIT extends DatabaseOutageIT {}
