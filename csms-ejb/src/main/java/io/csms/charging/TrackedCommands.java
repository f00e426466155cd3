package io.csms.charging;

import io.csms.roaming.outbox.Outbox;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database side of every tracked command: stored before it is sent, its answer stored when it
 * comes, and, when that concludes a partner's command, its CommandResult owed to the partner (an
 * outbox row, in the same transaction: it waits durably until the partner has it).
 */
@Stateless
public class TrackedCommands {

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    Outbox outbox;

    public RemoteCommand record(RemoteCommand command) {
        em.persist(command);
        return command;
    }

    /** An operator's command, stored before it is sent. */
    public RemoteCommand recordForOperator(
            String actor,
            RemoteCommand.Kind kind,
            String chargerId,
            Integer connectorId,
            String idTag,
            Integer transactionId,
            java.time.Instant expiresAt) {
        return record(RemoteCommand.byOperator(actor, kind, chargerId, connectorId, idTag, transactionId, expiresAt));
    }

    /** Stores the charger's answer (or why there was none); a partner is owed the result when it concluded. */
    public RemoteCommand answered(UUID commandId, CommandAnswers.Reading reading) {
        // locked: the StartTransaction that the answer raced (CommandTracking) may have moved it on
        RemoteCommand command =
                em.find(RemoteCommand.class, commandId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (command.answered(reading.state(), cut(reading.detail()))) {
            owed(command);
        }
        return command;
    }

    /** Concludes a command without sending it (the connector is busy, the charger offline ...). */
    public void decided(RemoteCommand command, RemoteCommand.State outcome, String detail) {
        command.decided(outcome, cut(detail));
        owed(command);
    }

    public Optional<RemoteCommand> find(UUID commandId) {
        return Optional.ofNullable(em.find(RemoteCommand.class, commandId));
    }

    /** What a partner's start keeps for the transaction it causes: its token and the eMSP's reference. */
    public record PartnerStart(long tokenId, String authorizationReference) {}

    /**
     * The partner's START_SESSION (or RESERVE_NOW) that {@code idTag} at {@code chargerId} follows:
     * sent there with that tag in the last 15 minutes and not refused (OCPI: within that time the tag
     * is not asked about again), by a partner still registered. The newest, when there are several.
     */
    public Optional<PartnerStart> partnerStart(String idTag, String chargerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select c.ocpi_token_id, c.authorization_reference from remote_command c
                        join ocpi_partner p on p.id = c.partner_id and p.status = 'REGISTERED'
                        where c.charger_id = ?1 and c.id_tag = ?2 and c.kind in ('START', 'RESERVE')
                          and c.partner_id is not null
                          and c.created_at > now() - interval '15 minutes' and c.ocpi_token_id is not null
                          and c.state in ('Sent', 'Accepted', 'Timeout', 'Started', 'NeverStarted')
                        order by c.created_at desc limit 1""")
                .setParameter(1, chargerId)
                .setParameter(2, idTag)
                .getResultList();
        return rows.stream().findFirst().map(r -> new PartnerStart(((Number) r[0]).longValue(), (String) r[1]));
    }

    /** A charger's commands, newest first, of every origin. */
    public List<RemoteCommand> ofCharger(String chargerId, int limit) {
        return em.createQuery(
                        "select c from RemoteCommand c where c.chargerId = :charger order by c.createdAt desc",
                        RemoteCommand.class)
                .setParameter("charger", chargerId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Concluded commands whose partner is owed a CommandResult: one outbox row each. */
    public void owed(RemoteCommand command) {
        if (command.partnerId() != null) {
            outbox.enqueue(
                    List.of(command.partnerId()),
                    Outbox.ObjectType.COMMAND,
                    command.id().toString(),
                    true,
                    null);
        }
    }

    /** Partner commands concluded by a statement (the sweep, a StartTransaction): their results are owed. */
    public void owed(List<UUID> commandIds) {
        commandIds.stream().map(id -> em.find(RemoteCommand.class, id)).forEach(this::owed);
    }

    /** Command ids as a native query returns them. */
    public static List<UUID> ids(List<?> rows) {
        return rows.stream()
                .map(r -> r instanceof UUID id ? id : UUID.fromString(r.toString()))
                .toList();
    }

    private static String cut(String detail) {
        return detail == null || detail.length() <= 255 ? detail : detail.substring(0, 255);
    }
}
