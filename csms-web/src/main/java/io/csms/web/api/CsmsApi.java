package io.csms.web.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** The JAX-RS application of {@code /csms/api}. A CDI bean: otherwise Payara silently leaves MP-JWT off. */
@ApplicationScoped
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "csms")
@DeclareRoles({Roles.USER, Roles.ADMIN, Roles.ROOT})
public class CsmsApi extends Application {}
