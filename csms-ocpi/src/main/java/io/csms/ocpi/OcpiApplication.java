package io.csms.ocpi;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/**
 * OCPI's JAX-RS application: the whole {@code /ocpi} context except the console ({@code /ocpi/admin}).
 * Its resources are exactly the modules of {@link OcpiModules}, so what is served is what is published.
 */
@ApplicationPath("/")
public class OcpiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(OcpiModules.RESOURCES);
        classes.add(OcpiAuthentication.class);
        classes.add(OcpiHeaders.class);
        classes.add(OcpiErrors.class);
        return classes;
    }
}
