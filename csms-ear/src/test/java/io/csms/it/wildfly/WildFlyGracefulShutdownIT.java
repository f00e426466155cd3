package io.csms.it.wildfly;

import io.csms.it.GracefulShutdownIT;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link GracefulShutdownIT} on WildFly: Undertow's sessions are closed with 1001 on undeploy too. */
@ExtendWith(ArquillianExtension.class)
class WildFlyGracefulShutdownIT extends GracefulShutdownIT {}
