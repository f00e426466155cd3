package io.csms.account;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.platform.Refusal;
import io.csms.platform.SecretBox;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A second factor for logins (RFC 6238, {@link OneTimePasswords}): an account enrols (a new secret,
 * shown once as an {@code otpauth://} URI), confirms with a first code, and from then on every login
 * needs a code; a code works once. A root can reset another account's factor (a lost phone). The
 * secret is sealed at rest; enrolments, confirmations and resets are audited.
 */
@Stateless
public class SecondFactors {

    static final String PURPOSE = "account.totp";

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    SecretBox box;

    @Inject
    AuditTrail audit;

    /** The issuer authenticator apps show beside the account. */
    @Inject
    @ConfigProperty(name = "csms.admin.totp-issuer", defaultValue = "CSMS")
    String issuer;

    /** A new secret to put into an authenticator app: the base32 secret and its otpauth URI. */
    public record Enrolment(String secret, String uri) {}

    /** Starts (or restarts) an enrolment; refused while a confirmed factor is in use (remove it first). */
    public Enrolment enrol(long accountId, String clientAddress) {
        Account account = account(accountId);
        if (account.secondFactor()) {
            throw new Refusal(
                    Refusal.Kind.CONFLICT, "second-factor-enrolled", "A second factor is in use; remove it first");
        }
        String secret = OneTimePasswords.newSecret();
        account.totp(box.seal(secret, PURPOSE));
        record(account, "account.second-factor.enrol", clientAddress, null);
        return new Enrolment(secret, OneTimePasswords.uri(issuer, account.email(), secret));
    }

    /** Confirms an enrolment with a code of the new secret: from now on logins need one. */
    public void confirm(long accountId, String code, String clientAddress) {
        Account account = account(accountId);
        if (account.totpSecret() == null || account.secondFactor()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "no-enrolment", "No enrolment to confirm: start one first");
        }
        if (!accept(account, code)) {
            record(account, "account.second-factor.confirm", clientAddress, AuditEvent.Outcome.FAILURE);
            throw new Refusal(Refusal.Kind.INVALID, "wrong-code", "The code does not fit the new secret");
        }
        account.totpConfirmed(Instant.now());
        record(account, "account.second-factor.confirm", clientAddress, null);
    }

    /** The owner removes its factor, proving it with a current code. */
    public void remove(long accountId, String code, String clientAddress) {
        Account account = account(accountId);
        if (!account.secondFactor() || !accept(account, code)) {
            record(account, "account.second-factor.remove", clientAddress, AuditEvent.Outcome.FAILURE);
            throw new Refusal(Refusal.Kind.INVALID, "wrong-code", "A current code of the second factor is required");
        }
        account.totp(null);
        record(account, "account.second-factor.remove", clientAddress, null);
    }

    /** A root resets another account's second factor (it enrols again at its next login). */
    public void reset(long accountId, String root, String clientAddress) {
        Account account = account(accountId);
        account.totp(null);
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                root,
                "account.second-factor.reset",
                account.id().toString(),
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                null));
    }

    /** Whether {@code code} is a current code of the account's secret not used before (and uses it up). */
    public boolean accept(Account account, String code) {
        String secret = box.open(account.totpSecret(), PURPOSE);
        OptionalLong step = OneTimePasswords.step(secret, code, Instant.now().getEpochSecond());
        return step.isPresent() && account.useStep(step.getAsLong());
    }

    private Account account(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "unknown-account", "No account " + accountId);
        }
        return account;
    }

    private void record(Account account, String action, String clientAddress, AuditEvent.Outcome outcome) {
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                account.id().toString(),
                action,
                account.id().toString(),
                outcome == null ? AuditEvent.Outcome.SUCCESS : outcome,
                clientAddress,
                null));
    }
}
