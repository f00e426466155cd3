package io.csms.ocpi;

import io.csms.roaming.OcpiVersion;
import io.csms.roaming.access.InterfaceRole;
import io.csms.roaming.access.ModuleId;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the OCPI module a resource class implements, in which version and interface roles. The
 * version details we publish are derived from these, and authorization checks them on every request.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OcpiModule {

    ModuleId id();

    /** The OCPI version: one, or none for the version-independent {@code /versions}. */
    OcpiVersion[] version() default {};

    /** Interface roles we implement (2.2.1: SENDER / RECEIVER); none for 2.1.1 and the versions endpoints. */
    InterfaceRole[] roles() default {};

    /** Relative path under the version's base, as published in the version details. */
    String path() default "";

    /**
     * Readable without a token when the operator opened the open data ({@code csms.ocpi.open-data}):
     * the versions endpoints, and locations and tariffs for regulators (AFIR).
     */
    boolean openData() default false;

    /** Only a hub may use it (hubclientinfo: what a hub tells about the parties behind it). */
    boolean hubsOnly() default false;
}
