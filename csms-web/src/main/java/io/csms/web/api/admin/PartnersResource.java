package io.csms.web.api.admin;

import io.csms.platform.Refusal;
import io.csms.roaming.HubClients;
import io.csms.roaming.Partner;
import io.csms.roaming.Partners;
import io.csms.roaming.Registrations;
import io.csms.roaming.outbox.Outbox;
import io.csms.web.api.OpenApiResource;
import io.csms.web.api.Problems;
import io.csms.web.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /csms/api/admin/partners}: OCPI roaming partners. Creating one returns its registration
 * token (token A) once; the partner registers with it, or we register with the partner
 * ({@code /register}); tokens are rotated ({@code /rotate}) without locking anyone out, and
 * {@code /revoke} stops a partner at once.
 */
@Path("admin/partners")
@RequestScoped
@RolesAllowed({Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Operator: roaming partners", description = "OCPI partners, their tokens and rights (role admin)")
@SecurityRequirement(name = OpenApiResource.BEARER)
@APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
public class PartnersResource {

    @Inject
    Partners partners;

    @Inject
    Registrations registrations;

    @Inject
    HubClients hubClients;

    @Inject
    Outbox outbox;

    @Inject
    JsonWebToken caller;

    @Inject
    @ConfigProperty(name = "csms.ocpi.base-url")
    Optional<String> ocpiBaseUrl;

    @Context
    UriInfo uriInfo;

    /** A party: country code (2 letters), party id (3 letters or digits), role (CPO, EMSP, HUB, NAP, NSP, OTHER, SCSP). */
    public record PartyView(
            @NotNull @Pattern(regexp = "[A-Za-z]{2}") String countryCode,
            @NotNull @Pattern(regexp = "[A-Za-z0-9]{3}") String partyId,

            @NotNull @Pattern(regexp = "CPO|EMSP|HUB|NAP|NSP|OTHER|SCSP")
            String role) {

        Partner.Party party() {
            return new Partner.Party(countryCode, partyId, Partner.Role.valueOf(role));
        }

        static PartyView of(Partner.Party p) {
            return new PartyView(p.countryCode(), p.partyId(), p.role().name());
        }
    }

    /**
     * The settings an admin gives; absent ones stay as they are ("" removes a secret, binding or
     * address list). {@code parties}: who the partner is, required when creating it (its
     * credentials may name no other party, ever); {@code hubClients}: for a hub, the parties behind
     * it it may speak for; {@code allowedAddresses}: CIDR ranges its requests must come from.
     */
    public record PartnerSettings(
            @Size(max = 100) String name,
            Set<@Size(max = 32) String> allowedModules,
            Set<@Size(max = 32) String> allowedCommands,
            List<@Size(max = 8) String> versions,
            Boolean sendTokenBase64,
            @Size(max = 255) String totpIncomingSecret,
            @Size(max = 255) String totpOutgoingSecret,
            Boolean totpTlsBound,
            @Size(max = 95) String clientCertificateSha256,
            @Size(max = 20) List<@Valid @NotNull PartyView> parties,
            @Size(max = 1000) List<@Valid @NotNull PartyView> hubClients,
            @Size(max = 1000) String allowedAddresses) {

        Partners.Settings settings() {
            return new Partners.Settings(
                    name,
                    allowedModules,
                    allowedCommands,
                    versions,
                    sendTokenBase64,
                    totpIncomingSecret,
                    totpOutgoingSecret,
                    totpTlsBound,
                    clientCertificateSha256,
                    parties == null
                            ? null
                            : parties.stream().map(PartyView::party).collect(toSet()),
                    hubClients == null
                            ? null
                            : hubClients.stream().map(PartyView::party).collect(toSet()),
                    allowedAddresses);
        }

        private static java.util.stream.Collector<Partner.Party, ?, Set<Partner.Party>> toSet() {
            return java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new);
        }
    }

    public record RoleView(String role, String countryCode, String partyId) {}

    /** A partner as admins see it: never a token or a secret, only whether one is set. */
    public record PartnerView(
            long id,
            String name,
            String status,
            String countryCode,
            String partyId,
            List<RoleView> roles,
            String version,
            String versionsUrl,
            Set<String> allowedModules,
            Set<String> allowedCommands,
            List<String> versions,
            boolean sendTokenBase64,
            boolean totpIncoming,
            boolean totpOutgoing,
            boolean totpTlsBound,
            String clientCertificateSha256,
            List<PartyView> parties,
            List<PartyView> hubClients,
            String allowedAddresses,
            String connectionStatus,
            Instant lastContactAt,
            Instant createdAt,
            Instant updatedAt) {

        static PartnerView of(Partner p) {
            return new PartnerView(
                    p.id(),
                    p.name(),
                    p.status().name(),
                    p.countryCode(),
                    p.partyId(),
                    p.roles().stream()
                            .map(r -> new RoleView(r.role().name(), r.countryCode(), r.partyId()))
                            .toList(),
                    p.version(),
                    p.versionsUrl(),
                    p.allowedModules(),
                    p.allowedCommands(),
                    p.ocpiVersions(),
                    p.sendTokenBase64(),
                    p.totpIncomingRequired(),
                    p.totpOutgoing(),
                    p.totpTlsBound(),
                    p.clientCertificateSha256(),
                    p.parties().stream().map(PartyView::of).toList(),
                    p.hubClients().stream().map(PartyView::of).toList(),
                    p.allowedAddresses(),
                    p.connectionStatus(),
                    p.lastContactAt(),
                    p.createdAt(),
                    p.updatedAt());
        }
    }

    /** Token A, shown once, with where the partner starts. */
    public record RegistrationToken(PartnerView partner, String registrationToken, String versionsUrl) {}

    public record RegisterRequest(
            @NotNull @Size(max = 255) String versionsUrl,
            @NotNull @Size(max = 64) String token) {}

    @Operation(summary = "Create a partner; its registration token (token A) is in the answer, once")
    @APIResponse(
            responseCode = "201",
            description = "The partner and its token A",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RegistrationToken.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @POST
    public Response create(@Valid @NotNull PartnerSettings settings) {
        Partners.Created created = partners.create(settings.settings(), caller.getName());
        return Response.created(UriBuilder.fromPath("/csms/api/admin/partners/{id}")
                        .build(created.partner().id()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(new RegistrationToken(
                        PartnerView.of(created.partner()), created.registrationToken(), ourVersionsUrl()))
                .build();
    }

    @Operation(summary = "List partners")
    @APIResponse(
            responseCode = "200",
            description = "The partners",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = PartnerView.class)))
    @GET
    public List<PartnerView> list() {
        return partners.list().stream().map(PartnerView::of).toList();
    }

    @Operation(summary = "One partner")
    @APIResponse(
            responseCode = "200",
            description = "The partner",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}")
    public PartnerView get(@PathParam("id") long id) {
        return PartnerView.of(partners.find(id).orElseThrow(() -> unknown(id)));
    }

    @Operation(summary = "Change module rights, versions, TOTP secrets, certificate binding, token encoding")
    @APIResponse(
            responseCode = "200",
            description = "The partner",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @PUT
    @Path("{id}")
    public PartnerView update(@PathParam("id") long id, @Valid @NotNull PartnerSettings settings) {
        return PartnerView.of(partners.update(id, settings.settings(), caller.getName()));
    }

    @Operation(summary = "A new registration token (token A); the previous one stops working")
    @APIResponse(
            responseCode = "200",
            description = "The partner and its token A",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RegistrationToken.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @POST
    @Path("{id}/registration-token")
    public Response registrationToken(@PathParam("id") long id) {
        String token = partners.newRegistrationToken(id, caller.getName());
        return Response.ok(
                        new RegistrationToken(PartnerView.of(partners.find(id).orElseThrow()), token, ourVersionsUrl()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @Operation(summary = "Register with the partner, given its versions URL and the token A it gave us")
    @APIResponse(
            responseCode = "200",
            description = "The registered partner",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @APIResponse(responseCode = "502", ref = Problems.CHARGER_ERROR)
    @POST
    @Path("{id}/register")
    public PartnerView register(@PathParam("id") long id, @Valid @NotNull RegisterRequest request) {
        return PartnerView.of(registrations.registerWith(
                id, request.versionsUrl(), request.token(), ourVersionsUrl(), caller.getName()));
    }

    @Operation(summary = "New credentials tokens both ways; the old ones work until the new ones are proven")
    @APIResponse(
            responseCode = "200",
            description = "The partner",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @APIResponse(responseCode = "502", ref = Problems.CHARGER_ERROR)
    @POST
    @Path("{id}/rotate")
    public PartnerView rotate(@PathParam("id") long id) {
        return PartnerView.of(registrations.rotate(id, ourVersionsUrl(), caller.getName()));
    }

    @Operation(summary = "Unregister: tell the partner and stop using each other's tokens")
    @APIResponse(
            responseCode = "200",
            description = "The partner",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @POST
    @Path("{id}/unregister")
    public PartnerView unregister(@PathParam("id") long id) {
        return PartnerView.of(registrations.unregisterWith(id, caller.getName()));
    }

    @Operation(summary = "Revoke at once: every token of the partner stops working")
    @APIResponse(
            responseCode = "200",
            description = "The partner",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @POST
    @Path("{id}/revoke")
    public PartnerView revoke(@PathParam("id") long id) {
        return PartnerView.of(partners.revoke(id, caller.getName()));
    }

    @Operation(summary = "Delete a partner and its tokens")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        partners.delete(id, caller.getName());
        return Response.noContent().build();
    }

    @Operation(summary = "What a hub reported about its parties (hubclientinfo)")
    @APIResponse(
            responseCode = "200",
            description = "The parties",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = HubClients.ClientInfo.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}/hub-clients")
    public List<HubClients.ClientInfo> hubClients(@PathParam("id") long id) {
        partners.find(id).orElseThrow(() -> unknown(id));
        return hubClients.of(id);
    }

    @Operation(
            summary =
                    "The partner's push queue: changes not yet delivered, the oldest of them, the last push and error")
    @APIResponse(
            responseCode = "200",
            description = "The queue",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Outbox.Queue.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}/push")
    public Outbox.Queue push(@PathParam("id") long id) {
        partners.find(id).orElseThrow(() -> unknown(id));
        return outbox.queue(id);
    }

    private static Refusal unknown(long id) {
        return new Refusal(Refusal.Kind.NOT_FOUND, "unknown-partner", "No partner " + id);
    }

    /** Our OCPI versions URL as partners reach it: configured, or beside this API on the same host. */
    private String ourVersionsUrl() {
        return ocpiBaseUrl
                        .map(url -> url.replaceAll("/+$", ""))
                        .orElseGet(() -> uriInfo.getBaseUriBuilder()
                                .replacePath("/ocpi")
                                .build()
                                .toString())
                + "/versions";
    }
}
