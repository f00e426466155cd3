package io.csms.web.api.admin;

import io.csms.authorization.IdTag;
import io.csms.authorization.IdTags;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /csms/api/admin/id-tags}: the id tags chargers authorize, drivers' and the operator's own:
 * list, register, block or unblock, expiry, parent (group) tag, delete. A tag an operator blocks
 * stays blocked whatever its owner does.
 */
@Path("admin/id-tags")
@RequestScoped
@RolesAllowed({Roles.ADMIN, Roles.ROOT})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Operator: id tags", description = "RFID cards and other id tags (role admin)")
@SecurityRequirement(name = OpenApiResource.BEARER)
@APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
public class IdTagsResource {

    @Inject
    IdTags idTags;

    @Inject
    Caller caller;

    /** A tag as operators see it; {@code blockedByOwner}: its driver blocked it. */
    @Schema(name = "OperatorIdTagView")
    public record IdTagView(
            String idTag,
            String status,
            boolean blockedByOwner,
            Instant expiryDate,
            String parentIdTag,
            String kind,
            Long accountId,
            String label,
            Instant createdAt) {

        static IdTagView of(IdTag t) {
            return new IdTagView(
                    t.idTag(),
                    t.status(),
                    t.ownerBlocked(),
                    t.expiryDate(),
                    t.parentIdTag(),
                    t.kind(),
                    t.accountId(),
                    t.label(),
                    t.createdAt());
        }
    }

    /** What an operator sets; absent fields stay as they are ({@code ""} clears expiry or parent). */
    public record IdTagSettings(
            @Pattern(regexp = "Accepted|Blocked|Expired|Invalid")
            String status,

            @Size(max = 40) String expiryDate,
            @Size(max = 20) String parentIdTag,
            @Size(max = 64) String label) {

        IdTags.Settings settings() {
            return new IdTags.Settings(status, expiryDate, parentIdTag, label);
        }
    }

    public record NewIdTag(
            @NotNull @Pattern(regexp = IdTags.ID_TOKEN, message = IdTags.ID_TOKEN_RULE)
            String idTag,

            @Pattern(regexp = "Accepted|Blocked|Expired|Invalid")
            String status,

            @Size(max = 40) String expiryDate,
            @Size(max = 20) String parentIdTag,
            @Size(max = 64) String label) {}

    @Operation(summary = "List id tags (optionally those starting with a prefix)")
    @APIResponse(
            responseCode = "200",
            description = "A page of id tags",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = IdTagView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @GET
    public List<IdTagView> list(
            @QueryParam("prefix") @Size(max = 20) String prefix,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return idTags.list(prefix, offset, limit).stream().map(IdTagView::of).toList();
    }

    @Operation(summary = "One id tag")
    @APIResponse(
            responseCode = "200",
            description = "The id tag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IdTagView.class)))
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @GET
    @Path("{idTag}")
    public Response get(@PathParam("idTag") String idTag) {
        return idTags.find(idTag)
                .map(t -> Response.ok(IdTagView.of(t)).build())
                .orElseGet(() -> Problems.response(Response.Status.NOT_FOUND, "unknown-id-tag", "No id tag " + idTag)
                        .build());
    }

    @Operation(summary = "Register an id tag of the operator's (a fleet or service card)")
    @APIResponse(
            responseCode = "201",
            description = "The id tag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IdTagView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @POST
    public Response register(@Valid @NotNull NewIdTag tag) {
        IdTag registered = idTags.register(
                tag.idTag(),
                new IdTags.Settings(tag.status(), tag.expiryDate(), tag.parentIdTag(), tag.label()),
                caller.name(),
                caller.address());
        return Response.created(
                        UriBuilder.fromPath("/csms/api/admin/id-tags/{id}").build(registered.idTag()))
                .entity(IdTagView.of(registered))
                .build();
    }

    /** How an import went. */
    @Schema(name = "IdTagImport")
    public record ImportView(int registered, int changed) {}

    @Operation(
            summary = "Import operator id tags from CSV",
            description = "RFC 4180, a header line id_tag,status,expiry_date,parent_id_tag,label (all but id_tag"
                    + " optional). A tag not known is registered, a known one changed; when a line is wrong,"
                    + " nothing is imported and the answer names the wrong lines.")
    @APIResponse(
            responseCode = "200",
            description = "How many tags were registered and changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @POST
    @Path("import")
    // text/csv as clients should send it; any type is read as CSV, so that a body of another type
    // is told what is wrong with it (400), and only after the caller's rights were checked
    @Consumes({"text/csv", MediaType.WILDCARD})
    public ImportView importCsv(@Size(max = 2_000_000) String csv) {
        IdTags.Imported imported = idTags.importCsv(csv, caller.name(), caller.address());
        return new ImportView(imported.registered(), imported.changed());
    }

    @Operation(summary = "Change an id tag: block or unblock it, its expiry, its parent tag, its label")
    @APIResponse(
            responseCode = "200",
            description = "The id tag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IdTagView.class)))
    @APIResponse(responseCode = "400", ref = Problems.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @PUT
    @Path("{idTag}")
    public IdTagView change(@PathParam("idTag") String idTag, @Valid @NotNull IdTagSettings settings) {
        return IdTagView.of(idTags.change(idTag, settings.settings(), caller.name(), caller.address()));
    }

    @Operation(summary = "Delete an id tag (an account's app tag cannot be deleted)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = Problems.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @DELETE
    @Path("{idTag}")
    public Response delete(@PathParam("idTag") String idTag) {
        idTags.delete(idTag, caller.name(), caller.address());
        return Response.noContent().build();
    }
}
