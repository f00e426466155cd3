package io.csms.it.wildfly;

import io.csms.it.AccountSecurityIT;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link AccountSecurityIT} in production mode, where operators need their second factor. */
@ExtendWith(ArquillianExtension.class)
class WildFlyAccountSecurityIT extends AccountSecurityIT {}
