package io.csms.roaming.access;

import io.csms.roaming.Partner;

/**
 * Which modules a caller may use at all (authentication is checked before): anyone the versions
 * endpoints; a registration token (token A) only versions and credentials of its allowed versions;
 * a registered partner the modules allowed to it (a hub-only module only as a hub); an anonymous
 * caller only the open-data modules.
 */
public final class ModuleRights {

    private ModuleRights() {}

    public static boolean allowed(ModuleRef module, PartnerPrincipal caller) {
        if (caller == null) {
            return module.openData();
        }
        if (module.id() == ModuleId.VERSIONS) {
            return true;
        }
        if (!module.versionAllowed(caller.versions())) {
            return false;
        }
        if (module.id() == ModuleId.CREDENTIALS) {
            return true;
        }
        if (caller.registrationToken()
                || caller.status() != Partner.Status.REGISTERED
                || !caller.allowedModules().contains(module.id().id())) {
            return false;
        }
        return !module.hubsOnly() || caller.hub();
    }

    /**
     * Whether the version details shown to the caller list the module: what it may use, and for a
     * registration token also what it will be allowed once registered, since partners keep the
     * endpoints they saw during the handshake (a registering eMSP must learn our locations endpoint).
     */
    public static boolean listed(ModuleRef module, PartnerPrincipal caller) {
        if (caller != null && caller.registrationToken() && !module.configuration()) {
            return module.versionAllowed(caller.versions())
                    && caller.allowedModules().contains(module.id().id())
                    && (!module.hubsOnly() || caller.hub());
        }
        return allowed(module, caller);
    }
}
