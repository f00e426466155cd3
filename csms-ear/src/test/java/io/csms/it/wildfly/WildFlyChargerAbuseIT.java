package io.csms.it.wildfly;

import io.csms.it.ChargerAbuseIT;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ChargerAbuseIT} on WildFly: Undertow parses ids, sizes frames and cuts the connection of a
 * charger that does not read in its own way, so each protection is proven there too.
 */
@ExtendWith(ArquillianExtension.class)
class WildFlyChargerAbuseIT extends ChargerAbuseIT {}
