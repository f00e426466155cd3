package io.csms.account;

import io.csms.audit.AuditTrail;
import io.csms.authorization.CardClaim;
import io.csms.authorization.CardClaims;
import io.csms.authorization.IdTag;
import io.csms.authorization.IdTags;
import io.csms.platform.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * A driver's id tags: the app tag made at sign-up and the RFID cards the driver links. A tag belongs
 * to one account; its status is what Authorize and StartTransaction see.
 */
@Stateless
public class Cards {

    @Inject
    IdTags idTags;

    @Inject
    AuditTrail audit;

    @Inject
    CardClaims claims;

    public List<IdTag> list(long accountId) {
        return idTags.ofAccount(accountId);
    }

    /**
     * Claims an RFID card: it becomes the account's once it is tapped at {@code chargerId} within
     * minutes, or once an operator approves ({@link CardClaims}). Knowing a uid proves nothing.
     */
    public CardClaim claim(long accountId, String idTag, String label, String chargerId, String clientAddress) {
        return claims.claim(accountId, idTag, label, chargerId, clientAddress);
    }

    public CardClaim claimOf(long accountId, UUID claimId) {
        return claims.own(accountId, claimId);
    }

    /**
     * The owner blocks or unblocks one of the account's cards (a lost card). This is the owner's own
     * block: a card an operator blocked (or that expired) stays so whatever its owner does.
     */
    public IdTag block(long accountId, String idTag, boolean blocked, String clientAddress) {
        IdTag tag = own(accountId, idTag);
        tag.ownerBlocked(blocked);
        audit.byAccount(Long.toString(accountId), blocked ? "card.block" : "card.unblock", idTag, clientAddress);
        return tag;
    }

    /** Unlinks a card. The app tag stays: the account charges from the app with it. */
    public void remove(long accountId, String idTag, String clientAddress) {
        IdTag tag = own(accountId, idTag);
        if (tag.kind().equals("APP")) {
            throw new Refusal(
                    Refusal.Kind.CONFLICT, "app-tag", "The app's own id tag cannot be removed; block it instead");
        }
        idTags.remove(tag);
        audit.byAccount(Long.toString(accountId), "card.remove", idTag, clientAddress);
    }

    private IdTag own(long accountId, String idTag) {
        return idTags.find(idTag)
                .filter(t -> t.accountId() != null && t.accountId() == accountId)
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown-card", "No such card"));
    }
}
