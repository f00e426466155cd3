package io.csms.ocpi;

import io.csms.ocpi.v211.V211VersionDetailsResource;
import io.csms.ocpi.v211.cdrs.V211CdrsResource;
import io.csms.ocpi.v211.commands.V211CommandsResource;
import io.csms.ocpi.v211.credentials.V211CredentialsResource;
import io.csms.ocpi.v211.locations.V211LocationsResource;
import io.csms.ocpi.v211.sessions.V211SessionsResource;
import io.csms.ocpi.v211.tariffs.V211TariffsResource;
import io.csms.ocpi.v211.tokens.V211TokensResource;
import io.csms.ocpi.v221.V221VersionDetailsResource;
import io.csms.ocpi.v221.cdrs.CdrsResource;
import io.csms.ocpi.v221.commands.CommandsResource;
import io.csms.ocpi.v221.credentials.V221CredentialsResource;
import io.csms.ocpi.v221.hubclientinfo.HubClientInfoResource;
import io.csms.ocpi.v221.locations.LocationsResource;
import io.csms.ocpi.v221.sessions.SessionsResource;
import io.csms.ocpi.v221.tariffs.TariffsResource;
import io.csms.ocpi.v221.tokens.TokensResource;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.access.InterfaceRole;
import io.csms.roaming.access.ModuleId;
import io.csms.roaming.access.ModuleRef;
import io.csms.roaming.access.ModuleRights;
import io.csms.roaming.access.PartnerPrincipal;
import java.util.ArrayList;
import java.util.List;

/**
 * The OCPI modules this deployment serves: the one list the JAX-RS application, the published
 * version details and the authorization rules are all derived from. A module added here is served
 * and published; one not here does not exist.
 */
public final class OcpiModules {

    static final List<Class<?>> RESOURCES = List.of(
            VersionsResource.class,
            V221VersionDetailsResource.class,
            V211VersionDetailsResource.class,
            V221CredentialsResource.class,
            V211CredentialsResource.class,
            HubClientInfoResource.class,
            LocationsResource.class,
            V211LocationsResource.class,
            TariffsResource.class,
            V211TariffsResource.class,
            TokensResource.class,
            V211TokensResource.class,
            SessionsResource.class,
            V211SessionsResource.class,
            CdrsResource.class,
            V211CdrsResource.class,
            CommandsResource.class,
            V211CommandsResource.class);

    /** The versions we speak, newest first. */
    public static final List<String> VERSIONS = io.csms.roaming.Partners.VERSIONS;

    /** One published endpoint. */
    public record Endpoint(String identifier, String role, String path) {}

    private OcpiModules() {}

    /**
     * The endpoints of {@code version} that {@code caller} may use: a registration token the
     * credentials module and those it will be allowed once registered, a partner the modules allowed
     * to it, an anonymous caller (open data) the open-data modules.
     */
    public static List<Endpoint> endpoints(OcpiVersion version, PartnerPrincipal caller) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> resource : RESOURCES) {
            OcpiModule module = moduleOf(resource);
            if (versionOf(module) == version
                    && module.id() != ModuleId.VERSIONS
                    && ModuleRights.listed(ref(module), caller)) {
                if (module.roles().length == 0) {
                    endpoints.add(new Endpoint(module.id().id(), null, module.path()));
                }
                for (InterfaceRole role : module.roles()) {
                    endpoints.add(new Endpoint(module.id().id(), role.name(), module.path()));
                }
            }
        }
        return endpoints;
    }

    /** The module's version, or null for the version-independent {@code /versions}. */
    public static OcpiVersion versionOf(OcpiModule module) {
        return module.version().length == 0 ? null : module.version()[0];
    }

    /**
     * The module a resource class implements: its own {@link OcpiModule}, or its nearest superclass's
     * (a container may serve a generated subclass); null for a class outside OCPI.
     */
    public static OcpiModule moduleOf(Class<?> resource) {
        for (Class<?> c = resource; c != null; c = c.getSuperclass()) {
            OcpiModule module = c.getAnnotation(OcpiModule.class);
            if (module != null) {
                return module;
            }
        }
        return null;
    }

    /** The module as the access rules in csms-ejb know it. */
    public static ModuleRef ref(OcpiModule module) {
        return new ModuleRef(module.id(), versionOf(module), module.openData(), module.hubsOnly());
    }

    /** Whether the caller may use the module at all (authentication is checked before). */
    static boolean allowed(OcpiModule module, PartnerPrincipal caller) {
        return ModuleRights.allowed(ref(module), caller);
    }
}
