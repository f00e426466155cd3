package io.csms.it.wildfly;

import io.csms.it.LocationsIT;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link LocationsIT} on WildFly, as production (OCPI over TLS only): its managed executors drive the
 * push worker, its Hibernate module reads the JSON columns, its CDI delivers the core's events.
 */
@ExtendWith(ArquillianExtension.class)
class WildFlyLocationsIT extends LocationsIT {}
