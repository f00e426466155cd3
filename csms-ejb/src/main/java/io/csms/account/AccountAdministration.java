package io.csms.account;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.platform.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a root does to other accounts (security review L14): makes one an operator or takes that
 * away, locks or disables one (its refresh tokens die at once, its access token within its
 * lifetime), and resets a lost second factor. A root account is never changed here, nor the
 * caller's own: roots come from configuration, and nobody raises or frees themself. Every change is
 * audited with what it was before.
 */
@Stateless
public class AccountAdministration {

    private static final String USER = "user";
    private static final String ADMIN = "admin";
    private static final String ROOT = "root";

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    SecondFactors secondFactors;

    /** Accounts whose email starts with {@code emailPrefix} (all when null), oldest first. */
    public List<Account> list(String emailPrefix, int offset, int limit) {
        return em.createQuery(
                        "select a from Account a where a.email like :prefix escape '!' order by a.id", Account.class)
                .setParameter("prefix", like(emailPrefix))
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long count(String emailPrefix) {
        return em.createQuery("select count(a) from Account a where a.email like :prefix escape '!'", Long.class)
                .setParameter("prefix", like(emailPrefix))
                .getSingleResult();
    }

    public Account get(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "unknown-account", "No account " + accountId);
        }
        return account;
    }

    /** Makes the account an operator ({@code admin}) or a driver only. */
    public Account operator(long accountId, boolean admin, long rootId, String clientAddress) {
        Account account = changeable(accountId, rootId);
        String before = String.join(",", account.roles());
        List<String> roles = new ArrayList<>(List.of(USER));
        if (admin) {
            roles.add(ADMIN);
        }
        account.roles(roles);
        record(rootId, "account.roles", account, clientAddress, before + " → " + String.join(",", roles));
        return account;
    }

    /** ACTIVE, LOCKED or DISABLED; anything but ACTIVE ends the account's refresh tokens. */
    public Account status(long accountId, Account.Status status, long rootId, String clientAddress) {
        if (status == Account.Status.UNVERIFIED) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-status", "An account is ACTIVE, LOCKED or DISABLED");
        }
        return apply(changeable(accountId, rootId), status, rootId, clientAddress);
    }

    /**
     * An operator (admin or root) blocks a driver's account ({@code DISABLED}: its sessions end) or
     * lets it in again. Operators' accounts, and accounts a root locked, are a root's to manage
     * ({@link #status}); an account whose e-mail was never verified is left as it is.
     */
    public Account driverStatus(long accountId, boolean active, long operatorId, String clientAddress) {
        if (accountId == operatorId) {
            throw new Refusal(Refusal.Kind.CONFLICT, "own-account", "Not your own account");
        }
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "unknown-account", "No account " + accountId);
        }
        if (account.operator() || account.roles().contains(ROOT)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "operator-account", "An operator's account is managed by a root");
        }
        if (account.status() == Account.Status.UNVERIFIED) {
            // blocking it, then letting it in, would skip the verification
            throw new Refusal(Refusal.Kind.CONFLICT, "unverified", "The account's e-mail address is not verified yet");
        }
        if (account.status() == Account.Status.LOCKED) {
            throw new Refusal(Refusal.Kind.CONFLICT, "locked", "A locked account is a root's to let in again");
        }
        return apply(account, active ? Account.Status.ACTIVE : Account.Status.DISABLED, operatorId, clientAddress);
    }

    private Account apply(Account account, Account.Status status, long actorId, String clientAddress) {
        Account.Status before = account.status();
        account.status(status);
        if (status != Account.Status.ACTIVE) {
            em.createNamedQuery(RefreshToken.REVOKE_ALL)
                    .setParameter("now", Instant.now())
                    .setParameter("account", account.id())
                    .executeUpdate();
        }
        record(actorId, "account.status", account, clientAddress, before + " → " + status);
        return account;
    }

    /** Removes the account's second factor (a lost phone): its owner enrols again. */
    public void resetSecondFactor(long accountId, long rootId, String clientAddress) {
        changeable(accountId, rootId);
        secondFactors.reset(accountId, Long.toString(rootId), clientAddress);
    }

    private Account changeable(long accountId, long rootId) {
        if (accountId == rootId) {
            throw new Refusal(Refusal.Kind.CONFLICT, "own-account", "Not your own account");
        }
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "unknown-account", "No account " + accountId);
        }
        if (account.roles().contains(ROOT)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "root-account", "A root account is managed in configuration");
        }
        return account;
    }

    private void record(long rootId, String action, Account account, String clientAddress, String detail) {
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                Long.toString(rootId),
                action,
                account.id().toString(),
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                detail));
    }

    private static String like(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return "%";
        }
        return Accounts.normalize(prefix.strip())
                        .replace("!", "!!")
                        .replace("%", "!%")
                        .replace("_", "!_") + "%";
    }
}
