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
        if (module.id().equals(ModuleRef.VERSIONS)) {
            return true;
        }
        if (!module.version().isEmpty() && !caller.versions().contains(module.version())) {
            return false;
        }
        if (module.id().equals(ModuleRef.CREDENTIALS)) {
            return true;
        }
        if (caller.registrationToken()
                || caller.status() != Partner.Status.REGISTERED
                || !caller.allowedModules().contains(module.id())) {
            return false;
        }
        return !module.hubsOnly() || caller.hub();
    }
}
