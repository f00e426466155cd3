package io.csms.web.api.admin;

import io.csms.chargepoint.Charger;
import io.csms.chargepoint.ChargerCertificate;
import io.csms.chargepoint.ChargerRegistration;
import io.csms.chargepoint.ChargerRegistrations;
import io.csms.chargepoint.Chargers;
import io.csms.chargepoint.Presence;
import io.csms.roaming.tokens.LocalLists;
import io.csms.transaction.ChargingTransaction;
import io.csms.transaction.Transactions;
import io.csms.web.api.Caller;
import io.csms.web.api.OpenApiResource;
import io.csms.web.api.Problems;
import io.csms.web.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /csms/api/admin/chargers}: register, inspect, change and remove chargers; their connectors,
 * transactions and security events; accept or reject their registration.
 */
@Path("admin/chargers")
@RequestScoped
@RolesAllowed({Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Operator: chargers", description = "Registering and inspecting chargers (role admin)")
@SecurityRequirement(name = OpenApiResource.BEARER)
@APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
public class ChargersResource {

    @Inject
    Chargers chargers;

    @Inject
    Presence presence;

    @Inject
    Transactions transactions;

    @Inject
    ChargerRegistrations registrations;

    @Inject
    LocalLists localLists;

    @Inject
    JsonWebToken caller;

    @Inject
    Caller address;

    @Inject
    io.csms.charging.TrackedCommands trackedCommands;

    /** A charger as operators see it; secrets never leave the server. */
    @Schema(name = "OperatorChargerView")
    public record ChargerView(
            String id,
            int securityProfile,
            String registrationStatus,
            boolean online,
            Instant lastSeen,
            Instant lastBoot,
            String vendor,
            String model,
            String firmwareVersion) {

        /** {@code online} is this node's live view ({@link Presence}); the stored flag may lag it by a moment. */
        public static ChargerView of(Charger c, Presence presence) {
            return new ChargerView(
                    c.id(),
                    c.securityProfile(),
                    c.registrationStatus().name(),
                    presence.isConnected(c.id()),
                    c.lastSeen(),
                    c.lastBoot(),
                    c.vendor(),
                    c.model(),
                    c.firmwareVersion());
        }
    }

    @Operation(summary = "List chargers")
    @APIResponse(
            responseCode = "200",
            description = "A page of chargers",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ChargerView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @GET
    public List<ChargerView> list(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return chargers.list(offset, limit).stream()
                .map(c -> ChargerView.of(c, presence))
                .toList();
    }

    @Operation(summary = "One charger")
    @APIResponse(
            responseCode = "200",
            description = "The charger",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChargerView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return chargers.find(id)
                .map(c -> Response.ok(ChargerView.of(c, presence)).build())
                .orElseGet(() -> notFound(id));
    }

    @Operation(summary = "Register a charger")
    @APIResponse(
            responseCode = "201",
            description = "The charger",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChargerView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @POST
    public Response register(@Valid ChargerRegistration registration) {
        Charger charger = registrations.register(registration, actor());
        return Response.created(UriBuilder.fromPath("admin/chargers/{id}").build(charger.id()))
                .entity(ChargerView.of(charger, presence))
                .build();
    }

    @Operation(summary = "Change a charger's registration")
    @APIResponse(
            responseCode = "200",
            description = "The charger",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChargerView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @PUT
    @Path("{id}")
    public Response update(@PathParam("id") String id, @Valid ChargerRegistration registration) {
        if (!id.equals(registration.id())) {
            return Problems.response(
                            Response.Status.BAD_REQUEST, "invalid-charger", "The id in the body must match the URL")
                    .build();
        }
        return registrations
                .update(registration, actor())
                .map(c -> Response.ok(ChargerView.of(c, presence)).build())
                .orElseGet(() -> notFound(id));
    }

    @Operation(summary = "Delete a charger")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        return registrations.delete(id, actor()) ? Response.noContent().build() : notFound(id);
    }

    @Schema(name = "OperatorConnectorView")
    public record ConnectorView(int connectorId, String status, String errorCode, Instant statusAt) {}

    public record TransactionView(
            int transactionId,
            int connectorId,
            String idTag,
            Instant startTime,
            Instant stopTime,
            int meterStart,
            Integer meterStop,
            Integer energyWh,
            String stopReason) {}

    public record SecurityEventView(String type, Instant occurredAt, String techInfo) {}

    /** Body of {@code PUT .../registration-status} (a string: an unknown enum constant must be a 400, not a binding failure). */
    public record RegistrationDecision(
            @NotNull @jakarta.validation.constraints.Pattern(regexp = "Accepted|Pending|Rejected")
            String status) {}

    @Operation(summary = "A charger's connectors")
    @APIResponse(
            responseCode = "200",
            description = "The connectors",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ConnectorView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}/connectors")
    public Response connectors(@PathParam("id") String id) {
        return ifKnown(
                id,
                () -> chargers.connectors(id).stream()
                        .map(c -> new ConnectorView(c.connectorId(), c.status(), c.errorCode(), c.statusAt()))
                        .toList());
    }

    @Operation(summary = "A charger's transactions, newest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of transactions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = TransactionView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}/transactions")
    public Response transactions(
            @PathParam("id") String id,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return ifKnown(
                id,
                () -> transactions.ofCharger(id, offset, limit).stream()
                        .map(ChargersResource::view)
                        .toList());
    }

    @Operation(summary = "A charger's security events, newest first")
    @APIResponse(
            responseCode = "200",
            description = "The events",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = SecurityEventView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}/security-events")
    public Response securityEvents(
            @PathParam("id") String id, @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return ifKnown(
                id,
                () -> chargers.securityEvents(id, limit).stream()
                        .map(e -> new SecurityEventView(e.type(), e.occurredAt(), e.techInfo()))
                        .toList());
    }

    @Operation(summary = "Accept, keep pending or reject a charger")
    @APIResponse(
            responseCode = "200",
            description = "The charger",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChargerView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @PUT
    @Path("{id}/registration-status")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response decide(
            @PathParam("id") String id, @jakarta.validation.Valid @NotNull RegistrationDecision decision) {
        return registrations
                .decide(id, Charger.RegistrationStatus.valueOf(decision.status()), actor())
                .map(c -> Response.ok(ChargerView.of(c, presence)).build())
                .orElseGet(() -> notFound(id));
    }

    /** Whether partners' tokens go on the charger's local list, and how far the list is. */
    public record LocalListView(
            boolean roamingTokens,

            @Schema(description = "The list version last set by the CSMS; null: never")
            Integer listVersion,

            int entries,

            @Schema(description = "Changes wait to be sent to the charger")
            boolean pending,

            Instant lastSyncAt,

            @Schema(description = "What came of the last attempt")
            String lastResult) {

        static LocalListView of(LocalLists.State s) {
            return new LocalListView(
                    s.roamingTokens(), s.listVersion(), s.entries(), s.pending(), s.lastSyncAt(), s.lastResult());
        }
    }

    /** The admin's switch for the charger's local list. */
    public record LocalListSetting(
            @NotNull @Schema(description = "Put partners' tokens that need no asking on the charger's local list")
            Boolean roamingTokens) {}

    @Operation(summary = "The charger's local authorization list: partners' tokens on it, its version")
    @APIResponse(
            responseCode = "200",
            description = "The list's state",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LocalListView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}/local-list")
    public Response localList(@PathParam("id") String id) {
        return localLists
                .state(id)
                .map(s -> Response.ok(LocalListView.of(s)).build())
                .orElseGet(() -> notFound(id));
    }

    @Operation(
            summary = "Switch partners' tokens on the charger's local list on or off",
            description = "The CSMS then manages the charger's local list (SendLocalList): ALWAYS tokens on any"
                    + " charger, ALLOWED and ALLOWED_OFFLINE ones only where LocalPreAuthorize is false.")
    @APIResponse(
            responseCode = "200",
            description = "The list's state",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LocalListView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @PUT
    @Path("{id}/local-list")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response switchLocalList(
            @PathParam("id") String id, @jakarta.validation.Valid @NotNull LocalListSetting setting) {
        return Response.ok(LocalListView.of(
                        localLists.roamingTokens(id, setting.roamingTokens(), caller.getName(), address.address())))
                .build();
    }

    /** A tracked command (start, stop, reservation, cancellation, unlock) and who asked for it. */
    public record CommandView(
            java.util.UUID commandId,
            String kind,
            String origin,
            String requestedBy,
            String status,
            Integer connectorId,
            Integer transactionId,
            Integer reservationId,
            String detail,
            Instant createdAt,
            Instant updatedAt) {

        static CommandView of(io.csms.charging.RemoteCommand c) {
            String by = switch (c.origin()) {
                case DRIVER -> "driver";
                case PARTNER -> "partner:" + c.partnerId();
                case OPERATOR -> c.actor();
            };
            return new CommandView(
                    c.id(),
                    c.kind().name(),
                    c.origin().name(),
                    by,
                    c.state().name(),
                    c.connectorId(),
                    c.transactionId(),
                    c.reservationId(),
                    c.detail(),
                    c.createdAt(),
                    c.updatedAt());
        }
    }

    @Operation(
            summary = "The starts, stops, reservations and unlocks sent to a charger, newest first (the last 100)",
            description = "Whoever asked: a driver, a roaming partner (OCPI Commands) or an operator (operations API).")
    @APIResponse(
            responseCode = "200",
            description = "The commands",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = CommandView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}/commands")
    public Response commands(@PathParam("id") String id) {
        return ifKnown(
                id,
                () -> trackedCommands.ofCharger(id, 100).stream()
                        .map(CommandView::of)
                        .toList());
    }

    /** A certificate the CSMS CA issued to the charger. */
    public record CertificateView(
            String serial, String subject, String sha256, Instant issuedAt, Instant notAfter, Instant revokedAt) {

        static CertificateView of(ChargerCertificate c) {
            return new CertificateView(c.serial(), c.subject(), c.sha256(), c.issuedAt(), c.notAfter(), c.revokedAt());
        }
    }

    @Operation(summary = "The certificates the CSMS CA issued to a charger (SignCertificate), newest first")
    @APIResponse(
            responseCode = "200",
            description = "The certificates",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = CertificateView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{id}/certificates")
    public Response certificates(@PathParam("id") String id) {
        return ifKnown(
                id,
                () -> registrations.certificates(id).stream()
                        .map(CertificateView::of)
                        .toList());
    }

    @Operation(summary = "Revoke a certificate the CSMS CA issued to the charger: it no longer admits the charger")
    @APIResponse(
            responseCode = "200",
            description = "The revoked certificate",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CertificateView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @DELETE
    @Path("{id}/certificates/{serial}")
    public CertificateView revoke(@PathParam("id") String id, @PathParam("serial") String serial) {
        return CertificateView.of(registrations.revoke(id, serial, actor()));
    }

    private ChargerRegistrations.Actor actor() {
        return new ChargerRegistrations.Actor(caller.getName(), address.address());
    }

    static TransactionView view(ChargingTransaction t) {
        return new TransactionView(
                t.id(),
                t.connectorId(),
                t.idTag(),
                t.startTime(),
                t.stopTime(),
                t.meterStart(),
                t.meterStop(),
                t.energyWh(),
                t.stopReason());
    }

    private Response ifKnown(String id, Supplier<List<?>> body) {
        return chargers.find(id).isPresent() ? Response.ok(body.get()).build() : notFound(id);
    }

    private static Response notFound(String id) {
        return Problems.response(Response.Status.NOT_FOUND, "unknown-charger", "No charger " + id)
                .build();
    }
}
