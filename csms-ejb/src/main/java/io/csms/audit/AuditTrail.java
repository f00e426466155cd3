package io.csms.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes audit events in their own transaction: a refused request rolls nothing back of the
 * record that it was refused.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AuditTrail {

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    public void record(AuditEvent event) {
        em.persist(event);
    }

    public void chargerRefused(String chargerId, String clientAddress, String reason) {
        record(new AuditEvent(
                AuditEvent.ActorType.CHARGER,
                chargerId,
                "ocpp.connect",
                chargerId,
                AuditEvent.Outcome.DENIED,
                clientAddress,
                reason));
    }

    public void byAccount(String account, String action, String target, String clientAddress) {
        record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                account,
                action,
                target,
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                null));
    }
}
