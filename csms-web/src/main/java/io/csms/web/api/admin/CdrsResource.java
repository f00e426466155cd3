package io.csms.web.api.admin;

import io.csms.roaming.cdrs.CdrData;
import io.csms.roaming.cdrs.Cdrs;
import io.csms.web.api.Caller;
import io.csms.web.api.OpenApiResource;
import io.csms.web.api.Problems;
import io.csms.web.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /csms/api/admin/cdrs}: partners' drivers' CDRs, above all those held because they broke a
 * business rule: release one (it is sent) or void it (it never is); credit one found wrong after it
 * was sent.
 */
@Path("admin/cdrs")
@RequestScoped
@RolesAllowed({Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operator: roaming partners", description = "OCPI partners, their tokens and rights (role admin)")
@SecurityRequirement(name = OpenApiResource.BEARER)
@APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
public class CdrsResource {

    @Inject
    Cdrs cdrs;

    @Inject
    Caller caller;

    /** A CDR as operators see it. */
    public record CdrView(
            String id,
            long partnerId,
            int transactionId,

            @Schema(description = "DUE (owed to the partner), SENT, HELD (broke a business rule), VOID or CREDITED")
            String state,

            String holdReason,
            Instant startDateTime,
            Instant endDateTime,
            BigDecimal totalEnergy,
            String currency,
            BigDecimal totalCostExclVat,
            BigDecimal totalCostInclVat,
            String locationUrl) {

        static CdrView of(Cdrs.Stored s) {
            CdrData c = s.cdr();
            return new CdrView(
                    s.id(),
                    s.partnerId(),
                    s.transactionId(),
                    s.state().name(),
                    s.holdReason(),
                    c.startDateTime(),
                    c.endDateTime(),
                    c.totalEnergy(),
                    c.currency(),
                    c.totalCost().exclVat(),
                    c.totalCost().inclVat(),
                    s.locationUrl());
        }
    }

    @Operation(summary = "CDRs in a state (by default those held), newest first")
    @APIResponse(
            responseCode = "200",
            description = "The CDRs",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = CdrView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @GET
    public List<CdrView> list(
            @QueryParam("state") @DefaultValue("held") @Pattern(regexp = "(?i)due|held|sent|void|credited")
                    String state,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return cdrs.list(Cdrs.State.valueOf(state.toUpperCase(Locale.ROOT)), offset, limit).stream()
                .map(CdrView::of)
                .toList();
    }

    @Operation(summary = "Send a held CDR after all")
    @APIResponse(
            responseCode = "200",
            description = "The CDR, now DUE",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CdrView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @POST
    @Path("{id}/release")
    public CdrView release(@PathParam("id") String id) {
        return CdrView.of(cdrs.release(id, caller.name(), caller.address()));
    }

    @Operation(summary = "Void a held CDR: it is never sent")
    @APIResponse(
            responseCode = "200",
            description = "The CDR, now VOID",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CdrView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @POST
    @Path("{id}/void")
    public CdrView voidIt(@PathParam("id") String id) {
        return CdrView.of(cdrs.voided(id, caller.name(), caller.address()));
    }

    /** A credit CDR and the new CDR that follow a credited one. */
    public record CreditView(CdrView credit, CdrView replacement) {}

    @Operation(
            summary = "Correct a sent CDR the OCPI way",
            description = "A credit CDR (<id>-C: the same data, total_cost negative) and a new CDR made from the data"
                    + " as they are now, checked like any other; both are sent to the partner.")
    @APIResponse(
            responseCode = "200",
            description = "The credit CDR and the new one",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreditView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @POST
    @Path("{id}/credit")
    public CreditView credit(@PathParam("id") String id) {
        Cdrs.Credited credited = cdrs.credit(id, caller.name(), caller.address());
        return new CreditView(CdrView.of(credited.credit()), CdrView.of(credited.replacement()));
    }
}
