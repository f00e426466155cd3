package io.csms.web.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The JAX-RS application of {@code /csms/api}. A CDI bean: otherwise Payara silently leaves MP-JWT off.
 *
 * <p>The OpenAPI document is generated from these annotations when the module is built and served by
 * {@link OpenApiResource}. The error responses every resource refers to are defined here once.
 */
@ApplicationScoped
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "csms")
@DeclareRoles({Roles.USER, Roles.ADMIN, Roles.ROOT})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "CSMS API",
                        version = "0.1",
                        description =
                                "Driver app API (accounts, cards, vehicles, chargers, remote start/stop, sessions) "
                                        + "and operator API (chargers, OCPP operations). Bearer tokens come from POST /api/auth/login; "
                                        + "every error is an RFC 9457 problem (application/problem+json) with a stable type.",
                        license = @License(name = "Apache-2.0")),
        servers = @Server(url = "/csms", description = "this server"),
        components =
                @Components(
                        securitySchemes =
                                @SecurityScheme(
                                        securitySchemeName = OpenApiResource.BEARER,
                                        type = SecuritySchemeType.HTTP,
                                        scheme = "bearer",
                                        bearerFormat = "JWT",
                                        description =
                                                "Access token from /api/auth/login or /api/auth/refresh (RS256, 15 minutes)"),
                        responses = {
                            @APIResponse(
                                    name = Problems.BAD_REQUEST,
                                    responseCode = "400",
                                    description = "Invalid input; field errors are listed in errors[]",
                                    content =
                                            @Content(
                                                    mediaType = Problems.MEDIA_TYPE,
                                                    schema =
                                                            @Schema(
                                                                    implementation =
                                                                            ValidationMapper.ValidationProblem.class))),
                            @APIResponse(
                                    name = Problems.UNAUTHORIZED,
                                    responseCode = "401",
                                    description =
                                            "No bearer token, or it is expired, not signed by this CSMS or of another issuer",
                                    content =
                                            @Content(
                                                    mediaType = Problems.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problems.Problem.class))),
                            @APIResponse(
                                    name = Problems.FORBIDDEN,
                                    responseCode = "403",
                                    description = "The token's roles do not allow this operation",
                                    content =
                                            @Content(
                                                    mediaType = Problems.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problems.Problem.class))),
                            @APIResponse(
                                    name = Problems.NOT_FOUND,
                                    responseCode = "404",
                                    description = "Unknown, or not the caller's",
                                    content =
                                            @Content(
                                                    mediaType = Problems.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problems.Problem.class))),
                            @APIResponse(
                                    name = Problems.CONFLICT,
                                    responseCode = "409",
                                    description =
                                            "The current state does not allow it (for example the connector is busy)",
                                    content =
                                            @Content(
                                                    mediaType = Problems.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problems.Problem.class))),
                            @APIResponse(
                                    name = Problems.TOO_MANY_REQUESTS,
                                    responseCode = "429",
                                    description =
                                            "Too many failed attempts; retry after the Retry-After header's seconds",
                                    content =
                                            @Content(
                                                    mediaType = Problems.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problems.Problem.class))),
                            @APIResponse(
                                    name = Problems.CHARGER_ERROR,
                                    responseCode = "502",
                                    description =
                                            "The charger or roaming partner we called failed: a CALLERROR, no answer, or an unusable one",
                                    content =
                                            @Content(
                                                    mediaType = Problems.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problems.Problem.class))),
                            @APIResponse(
                                    name = Problems.CHARGER_OFFLINE,
                                    responseCode = "503",
                                    description = "The charger is not connected",
                                    content =
                                            @Content(
                                                    mediaType = Problems.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problems.Problem.class))),
                            @APIResponse(
                                    name = Problems.CHARGER_TIMEOUT,
                                    responseCode = "504",
                                    description = "The charger did not answer in time",
                                    content =
                                            @Content(
                                                    mediaType = Problems.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problems.Problem.class)))
                        }))
public class CsmsApi extends Application {}
