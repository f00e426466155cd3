package io.csms.ocpi;

import io.csms.roaming.access.PartnerPrincipal;
import io.csms.roaming.commands.CommandRequest;
import io.csms.roaming.commands.PartnerCommands;
import io.csms.roaming.commands.RoamingCommands;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/**
 * {@code POST .../commands/{command}}, the Commands Receiver interface of every version: a partner
 * asks a charger to start or stop a session, reserve, cancel a reservation or unlock a connector.
 * The answer is the CPO's at once (a CommandResponse: whether the command goes to the charger);
 * the charger's outcome reaches the partner later as a POST to its {@code response_url} (see {@link
 * io.csms.ocpi.push.CommandPush}). A command the version does not have is NOT_SUPPORTED; a body
 * that breaks a field rule is 400/2001 naming the field. A version's subclass names its path and
 * {@link OcpiModule}, the commands it has, and reads and writes its objects.
 */
public abstract class CommandsReceiver {

    @Inject
    RoamingCommands commands;

    @Inject
    OcpiCaller caller;

    @Inject
    io.csms.platform.TrustedProxies proxies;

    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletRequest servlet;

    /** The version's CommandTypes. */
    protected abstract Set<String> types();

    /** The version's object for {@code type}, as what it asks ({@code partner} sent it). */
    protected abstract CommandRequest read(String type, JsonObject body, PartnerPrincipal partner);

    /** The version's CommandResponse. */
    protected abstract JsonObject answer(PartnerCommands.Answer answer);

    /** The version's identifier (the subclass's {@link OcpiModule}), as partners' commands record it. */
    private String version() {
        return OcpiModules.versionOf(OcpiModules.moduleOf(getClass())).text();
    }

    @POST
    @Path("{command}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public OcpiResponse<JsonObject> post(@PathParam("command") String command, String body) {
        PartnerPrincipal partner = caller.required();
        if (!types().contains(command)) {
            return OcpiResponse.success(answer(new PartnerCommands.Answer(
                    PartnerCommands.Result.NOT_SUPPORTED, 0, "No command " + command + " in OCPI " + version())));
        }
        CommandRequest request = read(command, OcpiJson.readObject(body), partner);
        return OcpiResponse.success(
                answer(commands.receive(partner, version(), request, proxies.clientAddress(servlet))));
    }
}
