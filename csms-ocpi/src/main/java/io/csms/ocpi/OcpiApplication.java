package io.csms.ocpi;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** OCPI's JAX-RS application: the whole {@code /ocpi} context except the console ({@code /ocpi/admin}). */
@ApplicationPath("/")
public class OcpiApplication extends Application {}
