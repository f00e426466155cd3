package io.csms.it.wildfly;

import io.csms.it.ApiAccessIT;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ApiAccessIT} on WildFly, whose role checks on JAX-RS resources work differently underneath. */
@ExtendWith(ArquillianExtension.class)
class WildFlyApiAccessIT extends ApiAccessIT {}
