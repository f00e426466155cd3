package io.csms.ocpi.v221.hubclientinfo;

import io.csms.ocpi.OcpiCaller;
import io.csms.ocpi.OcpiException;
import io.csms.ocpi.OcpiJson;
import io.csms.ocpi.OcpiModule;
import io.csms.ocpi.OcpiResponse;
import io.csms.ocpi.OcpiStatus;
import io.csms.roaming.HubClients;
import io.csms.roaming.OcpiVersion;
import io.csms.roaming.Partner;
import io.csms.roaming.access.InterfaceRole;
import io.csms.roaming.access.ModuleId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code PUT /ocpi/2.2.1/hubclientinfo/{country_code}/{party_id}}: a hub tells us the connection
 * status of a party behind it (we implement the receiver interface).
 */
@Path("2.2.1/hubclientinfo/{country_code}/{party_id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@OcpiModule(
        id = ModuleId.HUBCLIENTINFO,
        version = OcpiVersion.V2_2_1,
        roles = InterfaceRole.RECEIVER,
        path = "hubclientinfo",
        hubsOnly = true)
public class HubClientInfoResource {

    /** Parties one hub may tell us about. */
    static final int MAX_CLIENTS = 10_000;

    @Inject
    HubClients hubClients;

    @Inject
    OcpiCaller caller;

    @PUT
    public OcpiResponse<Void> put(
            @PathParam("country_code") String countryCode, @PathParam("party_id") String partyId, String body) {
        JsonObject json = OcpiJson.readObject(body);
        HubClients.ClientInfo info;
        try {
            info = new HubClients.ClientInfo(
                    json.getString("country_code"),
                    json.getString("party_id"),
                    Partner.Role.valueOf(json.getString("role")),
                    HubClients.Status.valueOf(json.getString("status")),
                    Instant.parse(json.getString("last_updated")));
        } catch (NullPointerException | ClassCastException | IllegalArgumentException | DateTimeParseException e) {
            throw new OcpiException(
                    400,
                    OcpiStatus.INVALID_PARAMETERS,
                    "ClientInfo needs party_id, country_code, role, status and last_updated");
        }
        if (!info.countryCode().equals(countryCode)
                || !info.partyId().equals(partyId)
                || !countryCode.matches("[A-Z]{2}")
                || !partyId.matches("[A-Z0-9]{3}")) {
            throw new OcpiException(400, OcpiStatus.INVALID_PARAMETERS, "country_code and party_id must match the URL");
        }
        long hub = caller.required().partnerId();
        if (hubClients.count(hub) >= MAX_CLIENTS && !hubClients.reports(hub, countryCode, partyId)) {
            // bounded (security review L12): a hub cannot fill the table with parties
            throw new OcpiException(400, OcpiStatus.CLIENT_ERROR, "At most " + MAX_CLIENTS + " parties per hub");
        }
        hubClients.put(hub, info);
        return OcpiResponse.success(null);
    }
}
