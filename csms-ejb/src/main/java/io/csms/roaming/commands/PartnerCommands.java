package io.csms.roaming.commands;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.chargepoint.Chargers;
import io.csms.chargepoint.Connector;
import io.csms.charging.ConnectorUse;
import io.csms.charging.RemoteCommand;
import io.csms.charging.TrackedCommands;
import io.csms.location.LocationData;
import io.csms.location.Locations;
import io.csms.ocpp.session.ChargerConnections;
import io.csms.platform.Jsonp;
import io.csms.platform.Refusal;
import io.csms.roaming.Partner;
import io.csms.roaming.PartnerUrls;
import io.csms.roaming.access.PartnerPrincipal;
import io.csms.roaming.access.Route;
import io.csms.roaming.access.Routes;
import io.csms.roaming.tokens.IdTagAlias;
import io.csms.roaming.tokens.RoamingTokens;
import io.csms.roaming.tokens.TokenData;
import io.csms.transaction.ChargingTransaction;
import io.csms.transaction.Transactions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a partner's command and records it (OCPI 2.2.1 §13, 2.1.1 §"Commands"): the command type
 * must be allowed to the partner, the location and EVSE published to it, the token one of its own
 * parties', the session its own; the charger must be connected. What the CSMS can tell at once is
 * the answer: REJECTED (with a message), UNKNOWN_SESSION, or ACCEPTED with the time the result may
 * take. A busy or inoperative connector is ACCEPTED and concluded at once (EVSE_OCCUPIED,
 * EVSE_INOPERATIVE follow as the result, as OCPI means them). A partner's OCPI reservation id never
 * reaches a charger: it is given an OCPP id of ours ({@code ocpi_reservation}).
 */
@Stateless
public class PartnerCommands {

    /** The CommandResponseType of the immediate answer. */
    public enum Result {
        ACCEPTED,
        REJECTED,
        NOT_SUPPORTED,
        UNKNOWN_SESSION
    }

    /** The immediate answer: its result, seconds within which the CommandResult comes, and why. */
    public record Answer(Result result, int timeout, String message) {}

    /**
     * The answer, and the command to send with its OCPP payload (null when there is none to send);
     * {@code connectorZero}: a reservation of the whole charger, which must be supported first.
     */
    public record Prepared(Answer answer, RemoteCommand command, JsonObject payload, boolean connectorZero) {}

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    Locations locations;

    @Inject
    Chargers chargers;

    @Inject
    ChargerConnections connections;

    @Inject
    Transactions transactions;

    @Inject
    RoamingTokens tokens;

    @Inject
    Routes routes;

    @Inject
    PartnerUrls urls;

    @Inject
    TrackedCommands commands;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "csms.charging.start-timeout", defaultValue = "120")
    long startTimeout;

    @Inject
    @ConfigProperty(name = "csms.ocpp.call-timeout", defaultValue = "30")
    long callTimeout;

    /** Where a command goes: the charger, and its connector (null: the charger chooses, or the whole charger). */
    private record Target(String chargerId, Integer connectorId) {}

    /** A refusal answered at once, with its message. */
    private static final class Rejected extends RuntimeException {
        final Result result;

        Rejected(Result result, String message) {
            super(message, null, false, false);
            this.result = result;
        }
    }

    public Prepared prepare(PartnerPrincipal partner, String version, CommandRequest request, String clientAddress) {
        responseUrl(request.responseUrl());
        try {
            Partner stored = em.find(Partner.class, partner.partnerId());
            if (stored == null || !stored.allowedCommands().contains(request.type())) {
                audit(partner, request, AuditEvent.Outcome.DENIED, clientAddress, "command type not allowed");
                throw new Rejected(Result.REJECTED, request.type() + " is not allowed to you");
            }
            Prepared prepared;
            if (request instanceof CommandRequest.StartSession start) {
                prepared = start(partner, version, start);
            } else if (request instanceof CommandRequest.StopSession stop) {
                prepared = stop(partner, version, stop);
            } else if (request instanceof CommandRequest.ReserveNow reserve) {
                prepared = reserve(partner, version, reserve);
            } else if (request instanceof CommandRequest.CancelReservation cancel) {
                prepared = cancel(partner, version, cancel);
            } else {
                prepared = unlock(partner, version, (CommandRequest.UnlockConnector) request);
            }
            audit(
                    partner,
                    request,
                    AuditEvent.Outcome.SUCCESS,
                    clientAddress,
                    prepared.command().chargerId() + " command "
                            + prepared.command().id());
            return prepared;
        } catch (Rejected rejected) {
            // what a partner tried and was refused is kept: probing shows in the audit trail
            audit(partner, request, AuditEvent.Outcome.DENIED, clientAddress, rejected.getMessage());
            return new Prepared(new Answer(rejected.result, 0, rejected.getMessage()), null, null, false);
        }
    }

    private Prepared start(PartnerPrincipal partner, String version, CommandRequest.StartSession start) {
        RoamingTokens.Stored token = ownToken(partner, start.token());
        Target target = target(partner, start.locationId(), start.evseUid(), start.connectorId(), false);
        String idTag = idTag(token.token());
        RemoteCommand command = commands.record(RemoteCommand.byPartner(
                forPartner(partner, start.responseUrl(), version, token.id(), start.authorizationReference()),
                RemoteCommand.Kind.START,
                target.chargerId(),
                target.connectorId(),
                idTag,
                null,
                null,
                Instant.now().plusSeconds(startTimeout)));
        JsonObjectBuilder payload = Jsonp.JSON.createObjectBuilder();
        if (target.connectorId() != null) {
            payload.add("connectorId", target.connectorId());
        }
        payload.add("idTag", idTag);
        return sendable(command, payload.build(), (int) startTimeout + 10, false);
    }

    private Prepared stop(PartnerPrincipal partner, String version, CommandRequest.StopSession stop) {
        Integer transactionId = sessionOf(partner.partnerId(), stop.sessionId())
                .orElseThrow(() -> new Rejected(Result.UNKNOWN_SESSION, "No session " + stop.sessionId()));
        ChargingTransaction transaction = transactions.find(transactionId).orElseThrow();
        if (!transaction.active()) {
            throw new Rejected(Result.REJECTED, "The session has ended");
        }
        connected(transaction.chargerId());
        return answeredByCharger(
                partner,
                version,
                stop.responseUrl(),
                RemoteCommand.Kind.STOP,
                transaction.chargerId(),
                transaction.connectorId(),
                transactionId,
                null,
                "transactionId",
                transactionId);
    }

    private Prepared reserve(PartnerPrincipal partner, String version, CommandRequest.ReserveNow reserve) {
        if (!reserve.expiryDate().isAfter(Instant.now())) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-command", "expiry_date: a time in the future");
        }
        RoamingTokens.Stored token = ownToken(partner, reserve.token());
        Target target = target(partner, reserve.locationId(), reserve.evseUid(), null, true);
        int connector = target.connectorId() == null ? 0 : target.connectorId();
        int reservationId = reservation(
                partner.partnerId(), reserve.reservationId(), target.chargerId(), connector, reserve.expiryDate());
        String idTag = idTag(token.token());
        RemoteCommand command = commands.record(RemoteCommand.byPartner(
                forPartner(partner, reserve.responseUrl(), version, token.id(), reserve.authorizationReference()),
                RemoteCommand.Kind.RESERVE,
                target.chargerId(),
                connector,
                idTag,
                null,
                reservationId,
                Instant.now().plusSeconds(startTimeout)));
        JsonObjectBuilder payload = Jsonp.JSON
                .createObjectBuilder()
                .add("connectorId", connector)
                .add(
                        "expiryDate",
                        reserve.expiryDate().truncatedTo(ChronoUnit.SECONDS).toString())
                .add("idTag", idTag);
        String group = token.token().parentIdTag();
        if (group != null) {
            payload.add("parentIdTag", group);
        }
        payload.add("reservationId", reservationId);
        return sendable(
                command, payload.build(), (int) (connector == 0 ? 2 * callTimeout : callTimeout) + 10, connector == 0);
    }

    private Prepared cancel(PartnerPrincipal partner, String version, CommandRequest.CancelReservation cancel) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select ocpp_id, charger_id, connector_id from ocpi_reservation
                        where partner_id = ?1 and reservation_id = upper(?2)""")
                .setParameter(1, partner.partnerId())
                .setParameter(2, cancel.reservationId())
                .getResultList();
        if (rows.isEmpty()) {
            throw new Rejected(Result.REJECTED, "No reservation " + cancel.reservationId());
        }
        int reservationId = ((Number) rows.get(0)[0]).intValue();
        String chargerId = (String) rows.get(0)[1];
        connected(chargerId);
        return answeredByCharger(
                partner,
                version,
                cancel.responseUrl(),
                RemoteCommand.Kind.CANCEL,
                chargerId,
                ((Number) rows.get(0)[2]).intValue(),
                null,
                reservationId,
                "reservationId",
                reservationId);
    }

    private Prepared unlock(PartnerPrincipal partner, String version, CommandRequest.UnlockConnector unlock) {
        Target target = target(partner, unlock.locationId(), unlock.evseUid(), unlock.connectorId(), false);
        // unlocking ends the session on the connector: never someone else's
        Optional<ChargingTransaction> running = transactions.activeOn(target.chargerId(), target.connectorId());
        if (running.isPresent()
                && sessionOf(partner.partnerId(), Integer.toString(running.get().id()))
                        .isEmpty()) {
            throw new Rejected(Result.REJECTED, "Someone else's session is under way on the connector");
        }
        return answeredByCharger(
                partner,
                version,
                unlock.responseUrl(),
                RemoteCommand.Kind.UNLOCK,
                target.chargerId(),
                target.connectorId(),
                null,
                null,
                "connectorId",
                target.connectorId());
    }

    /**
     * A stop, cancellation or unlock: stored, and to be sent with its one field; its result is the
     * charger's answer, within the call timeout.
     */
    private Prepared answeredByCharger(
            PartnerPrincipal partner,
            String version,
            String responseUrl,
            RemoteCommand.Kind kind,
            String chargerId,
            int connectorId,
            Integer transactionId,
            Integer reservationId,
            String field,
            int value) {
        RemoteCommand command = commands.record(RemoteCommand.byPartner(
                forPartner(partner, responseUrl, version, null, null),
                kind,
                chargerId,
                connectorId,
                null,
                transactionId,
                reservationId,
                Instant.now().plusSeconds(startTimeout)));
        return sendable(
                command, Jsonp.JSON.createObjectBuilder().add(field, value).build(), (int) callTimeout + 10, false);
    }

    /**
     * The command is stored; a start or reservation on a connector that is busy or inoperative is
     * concluded at once (its result owed), anything else is to be sent.
     */
    private Prepared sendable(RemoteCommand command, JsonObject payload, int timeout, boolean connectorZero) {
        Answer accepted = new Answer(Result.ACCEPTED, timeout, null);
        if ((command.kind() == RemoteCommand.Kind.START || command.kind() == RemoteCommand.Kind.RESERVE)
                && command.connectorId() != null
                && command.connectorId() > 0) {
            String status = chargers.connectors(command.chargerId()).stream()
                    .filter(c -> c.connectorId() == command.connectorId())
                    .map(Connector::status)
                    .findFirst()
                    .orElse(null);
            // a connector the partner itself reserved is free for its own start or a replacement
            boolean reservedForPartner = "Reserved".equals(status)
                    && reservedBy(command.partnerId(), command.chargerId(), command.connectorId());
            boolean busy = (status != null && ConnectorUse.BUSY.contains(status) && !reservedForPartner)
                    || (command.kind() == RemoteCommand.Kind.START
                            && transactions
                                    .activeOn(command.chargerId(), command.connectorId())
                                    .isPresent());
            if (busy) {
                commands.decided(
                        command,
                        RemoteCommand.State.Occupied,
                        status != null && ConnectorUse.BUSY.contains(status)
                                ? "The connector is " + status
                                : "A session is under way on the connector");
                return new Prepared(accepted, command, payload, false);
            }
            if (status != null && ConnectorUse.UNAVAILABLE.contains(status)) {
                commands.decided(command, RemoteCommand.State.Inoperative, "The connector is " + status);
                return new Prepared(accepted, command, payload, false);
            }
        }
        return new Prepared(accepted, command, payload, connectorZero);
    }

    /**
     * Where a command on a location goes: the EVSE named (one OCPP connector; a connector id, when
     * given, must be the EVSE's), or without one the location's only charger. The location must be
     * one the partner receives, and the charger connected.
     */
    private Target target(
            PartnerPrincipal partner, String locationId, String evseUid, String connectorId, boolean wholeCharger) {
        if (locations.entity(locationId).isEmpty()
                || locations.publishedOne(partner.partnerId(), locationId).isEmpty()) {
            throw new Rejected(Result.REJECTED, "Unknown location " + locationId);
        }
        List<LocationData.Evse> evses = locations.find(locationId).orElseThrow().evses().stream()
                .filter(e -> e.ocpp() != null)
                .toList();
        Target target;
        if (evseUid == null) {
            List<String> chargerIds =
                    evses.stream().map(e -> e.ocpp().chargePointId()).distinct().toList();
            if (chargerIds.size() != 1) {
                throw new Rejected(Result.REJECTED, "evse_uid is needed at location " + locationId);
            }
            target = new Target(chargerIds.get(0), null);
        } else {
            LocationData.Evse evse = evses.stream()
                    .filter(e -> e.uid().equalsIgnoreCase(evseUid))
                    .findFirst()
                    .orElseThrow(() -> new Rejected(Result.REJECTED, "Unknown EVSE " + evseUid));
            if (connectorId != null
                    && evse.connectors().stream().noneMatch(c -> c.id().equalsIgnoreCase(connectorId))) {
                throw new Rejected(Result.REJECTED, "Unknown connector " + connectorId + " of EVSE " + evseUid);
            }
            target = new Target(evse.ocpp().chargePointId(), evse.ocpp().connectorId());
        }
        if (chargers.usable(target.chargerId()).isEmpty()) {
            throw new Rejected(Result.REJECTED, "The charger is not in service");
        }
        connected(target.chargerId());
        return target;
    }

    private void connected(String chargerId) {
        if (!connections.isConnected(chargerId)) {
            throw new Rejected(Result.REJECTED, "The charger is offline");
        }
    }

    /**
     * The command's token, stored as the partner's (OCPI lets an eMSP use tokens it never pushed;
     * the session and CDR need them): it must be of a party the partner speaks for.
     */
    private RoamingTokens.Stored ownToken(PartnerPrincipal partner, TokenData token) {
        Route.Party party = new Route.Party(token.countryCode(), token.partyId());
        if (!routes.speaksFor(partner, party)) {
            audit.record(new AuditEvent(
                    AuditEvent.ActorType.PARTNER,
                    partner.actor(),
                    "ocpi.commands.token",
                    party.toString(),
                    AuditEvent.Outcome.DENIED,
                    null,
                    "a command with a token of a party the partner does not speak for"));
            throw new Rejected(Result.REJECTED, "The token is not of a party you speak for");
        }
        tokens.put(partner.partnerId(), token);
        return tokens.find(token.countryCode(), token.partyId(), token.uid(), token.type())
                .orElseThrow();
    }

    private static String idTag(TokenData token) {
        return IdTagAlias.of(token.countryCode(), token.partyId(), token.uid());
    }

    /** The transaction of one of the partner's sessions. */
    private Optional<Integer> sessionOf(long partnerId, String sessionId) {
        if (sessionId == null || !sessionId.matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        int transactionId = Integer.parseInt(sessionId);
        return em.createNativeQuery("select 1 from ocpi_session where transaction_id = ?1 and partner_id = ?2")
                        .setParameter(1, transactionId)
                        .setParameter(2, partnerId)
                        .getResultList()
                        .isEmpty()
                ? Optional.empty()
                : Optional.of(transactionId);
    }

    /** The OCPP id of the partner's reservation: the one it had (a replacement), or a new one. */
    private int reservation(long partnerId, String reservationId, String chargerId, int connectorId, Instant expiry) {
        @SuppressWarnings("unchecked")
        List<Number> known = em.createNativeQuery("""
                        select ocpp_id from ocpi_reservation where partner_id = ?1 and reservation_id = upper(?2)
                        for update""")
                .setParameter(1, partnerId)
                .setParameter(2, reservationId)
                .getResultList();
        if (!known.isEmpty()) {
            if (!chargerOf(partnerId, reservationId).equals(chargerId)) {
                throw new Rejected(
                        Result.REJECTED,
                        "A reservation is replaced at its charger only; cancel " + reservationId + " first");
            }
            em.createNativeQuery("""
                    update ocpi_reservation set charger_id = ?1, connector_id = ?2, expires_at = ?3
                    where partner_id = ?4 and reservation_id = upper(?5)""")
                    .setParameter(1, chargerId)
                    .setParameter(2, connectorId)
                    .setParameter(3, Timestamp.from(expiry))
                    .setParameter(4, partnerId)
                    .setParameter(5, reservationId)
                    .executeUpdate();
            return known.get(0).intValue();
        }
        int id = ((Number) em.createNativeQuery("select nextval('ocpp_reservation_id')")
                        .getSingleResult())
                .intValue();
        em.createNativeQuery("""
                insert into ocpi_reservation (partner_id, reservation_id, ocpp_id, charger_id, connector_id, expires_at, created_at)
                values (?1, upper(?2), ?3, ?4, ?5, ?6, now())""")
                .setParameter(1, partnerId)
                .setParameter(2, reservationId)
                .setParameter(3, id)
                .setParameter(4, chargerId)
                .setParameter(5, connectorId)
                .setParameter(6, Timestamp.from(expiry))
                .executeUpdate();
        return id;
    }

    private String chargerOf(long partnerId, String reservationId) {
        return (String) em.createNativeQuery(
                        "select charger_id from ocpi_reservation where partner_id = ?1 and reservation_id = upper(?2)")
                .setParameter(1, partnerId)
                .setParameter(2, reservationId)
                .getSingleResult();
    }

    /** Whether the partner holds an unexpired reservation of the connector (or of the whole charger). */
    private boolean reservedBy(long partnerId, String chargerId, int connectorId) {
        return !em.createNativeQuery("""
                        select 1 from ocpi_reservation
                        where partner_id = ?1 and charger_id = ?2 and connector_id in (0, ?3) and expires_at > now()""")
                .setParameter(1, partnerId)
                .setParameter(2, chargerId)
                .setParameter(3, connectorId)
                .getResultList()
                .isEmpty();
    }

    /** The response URL must be one we may call (https, a public address: {@link PartnerUrls}). */
    private void responseUrl(String url) {
        Optional<String> refusal;
        try {
            refusal = urls.refusal(new URI(url));
        } catch (URISyntaxException | NullPointerException e) {
            refusal = Optional.of("not a URL");
        }
        if (refusal.isPresent()) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-command", "response_url: a URL we may call");
        }
    }

    private static RemoteCommand.ForPartner forPartner(
            PartnerPrincipal partner, String responseUrl, String version, Long tokenId, String reference) {
        return new RemoteCommand.ForPartner(partner.partnerId(), responseUrl, version, tokenId, reference);
    }

    private void audit(
            PartnerPrincipal partner,
            CommandRequest request,
            AuditEvent.Outcome outcome,
            String clientAddress,
            String detail) {
        audit.record(new AuditEvent(
                AuditEvent.ActorType.PARTNER,
                partner.actor(),
                "ocpi.commands." + request.type(),
                request instanceof CommandRequest.StopSession stop ? "session:" + stop.sessionId() : null,
                outcome,
                clientAddress,
                detail));
    }
}
