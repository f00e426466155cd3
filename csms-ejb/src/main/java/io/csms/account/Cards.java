package io.csms.account;

import io.csms.audit.AuditTrail;
import io.csms.authorization.IdTag;
import io.csms.authorization.IdTags;
import io.csms.platform.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A driver's id tags: the app tag made at sign-up and the RFID cards the driver links. A tag belongs
 * to one account; its status is what Authorize and StartTransaction see.
 */
@Stateless
public class Cards {

    private static final Pattern ID_TOKEN = Pattern.compile(IdTags.ID_TOKEN);

    @Inject
    IdTags idTags;

    @Inject
    AuditTrail audit;

    public List<IdTag> list(long accountId) {
        return idTags.ofAccount(accountId);
    }

    public IdTag add(long accountId, String idTag, String label, String clientAddress) {
        if (idTag == null || !ID_TOKEN.matcher(idTag).matches()) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-id-tag", "An id tag is " + IdTags.ID_TOKEN_RULE);
        }
        if (label != null && label.length() > 64) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-label", "A label is at most 64 characters");
        }
        // OCPP compares id tags case-insensitively: one card must not be claimable twice by changing case
        boolean taken = idTags.find(idTag).isPresent() || idTags.existsIgnoringCase(idTag);
        if (taken) {
            throw new Refusal(Refusal.Kind.CONFLICT, "id-tag-taken", "This card is already registered");
        }
        IdTag tag = idTags.create(idTag, accountId, "RFID", label);
        audit.byAccount(Long.toString(accountId), "card.add", idTag, clientAddress);
        return tag;
    }

    /** Blocks or unblocks one of the account's cards. */
    public IdTag block(long accountId, String idTag, boolean blocked, String clientAddress) {
        IdTag tag = own(accountId, idTag);
        tag.status(blocked ? "Blocked" : "Accepted");
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
