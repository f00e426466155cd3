package io.csms.account;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.platform.RandomTokens;
import io.csms.platform.Refusal;
import io.csms.platform.SecretBox;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A second factor for logins (RFC 6238, {@link OneTimePasswords}): an account enrols (a new secret,
 * shown once as an {@code otpauth://} URI), confirms with a first code, and from then on every login
 * needs a code; a code works once. Ten recovery codes, shown once and kept as their SHA-256, each
 * stand in for a code once (the phone is lost). A root can reset another account's factor. The
 * secret is sealed at rest; enrolments, confirmations, recovery codes and resets are audited.
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
    public record Enrolment(String secret, String uri) implements java.io.Serializable {}

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

    /** Confirms an enrolment with a code of the new secret: from now on logins need one. Answers when. */
    public Instant confirm(long accountId, String code, String clientAddress) {
        Account account = account(accountId);
        if (account.totpSecret() == null || account.secondFactor()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "no-enrolment", "No enrolment to confirm: start one first");
        }
        if (!accept(account, code)) {
            record(account, "account.second-factor.confirm", clientAddress, AuditEvent.Outcome.FAILURE);
            throw new Refusal(Refusal.Kind.INVALID, "wrong-code", "The code does not fit the new secret");
        }
        // as the database keeps it (microseconds): an open console session compares it with the stored one
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        account.totpConfirmed(now);
        record(account, "account.second-factor.confirm", clientAddress, null);
        return now;
    }

    /** The owner removes its factor, proving it with a current code. */
    public void remove(long accountId, String code, String clientAddress) {
        Account account = account(accountId);
        if (!account.secondFactor() || !accept(account, code)) {
            record(account, "account.second-factor.remove", clientAddress, AuditEvent.Outcome.FAILURE);
            throw new Refusal(Refusal.Kind.INVALID, "wrong-code", "A current code of the second factor is required");
        }
        account.totp(null);
        forgetRecoveryCodes(accountId);
        record(account, "account.second-factor.remove", clientAddress, null);
    }

    /** A root resets another account's second factor (it enrols again at its next login). */
    public void reset(long accountId, String root, String clientAddress) {
        Account account = account(accountId);
        account.totp(null);
        forgetRecoveryCodes(accountId);
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                root,
                "account.second-factor.reset",
                account.id().toString(),
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                null));
    }

    /**
     * Whether {@code code} is a current code of the account's secret not used before, or one of its
     * unused recovery codes (either is used up).
     */
    public boolean accept(Account account, String code) {
        return accept(account, code, null);
    }

    /** As {@link #accept(Account, String)}, the client address kept with a recovery code's use. */
    public boolean accept(Account account, String code, String clientAddress) {
        if (code != null && RECOVERY_CODE.matcher(code.strip()).matches()) {
            return recovered(account, code.strip(), clientAddress);
        }
        String secret = box.open(account.totpSecret(), PURPOSE);
        OptionalLong step = OneTimePasswords.step(secret, code, Instant.now().getEpochSecond());
        if (step.isEmpty()) {
            return false;
        }
        // the row locked and read again: two logins racing with one code cannot both use it
        em.refresh(account, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return account.useStep(step.getAsLong());
    }

    /** A recovery code as shown: four groups of four Base32 characters (80 bits), case and dashes free. */
    static final java.util.regex.Pattern RECOVERY_CODE =
            java.util.regex.Pattern.compile("(?i)[A-Z2-7]{4}(-?[A-Z2-7]{4}){3}");

    private static final int RECOVERY_CODES = 10;

    /**
     * A new set of recovery codes for an account with a confirmed second factor, replacing any it
     * had: shown this once, kept only as their SHA-256.
     */
    public List<String> newRecoveryCodes(long accountId, String clientAddress) {
        Account account = account(accountId);
        if (!account.secondFactor()) {
            throw new Refusal(
                    Refusal.Kind.CONFLICT, "no-second-factor", "Recovery codes need a confirmed second factor");
        }
        forgetRecoveryCodes(accountId);
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = recoveryCode();
            codes.add(code);
            em.createNativeQuery("insert into account_recovery_code (account_id, code_hash) values (?1, ?2)")
                    .setParameter(1, accountId)
                    .setParameter(2, RandomTokens.sha256(normalized(code)))
                    .executeUpdate();
        }
        record(account, "account.recovery-codes.new", clientAddress, null);
        return codes;
    }

    /** How many of the account's recovery codes are still unused. */
    public int recoveryCodesLeft(long accountId) {
        return ((Number) em.createNativeQuery(
                                "select count(*) from account_recovery_code where account_id = ?1 and used_at is null")
                        .setParameter(1, accountId)
                        .getSingleResult())
                .intValue();
    }

    private boolean recovered(Account account, String code, String clientAddress) {
        if (!account.secondFactor()) {
            return false;
        }
        int used = em.createNativeQuery("""
                        update account_recovery_code set used_at = now()
                        where account_id = ?1 and code_hash = ?2 and used_at is null""")
                .setParameter(1, account.id())
                .setParameter(2, RandomTokens.sha256(normalized(code)))
                .executeUpdate();
        if (used > 0) {
            record(account, "account.recovery-code.used", clientAddress, null);
        }
        return used > 0;
    }

    private void forgetRecoveryCodes(long accountId) {
        em.createNativeQuery("delete from account_recovery_code where account_id = ?1")
                .setParameter(1, accountId)
                .executeUpdate();
    }

    static String recoveryCode() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return code.toString();
    }

    private static String normalized(String code) {
        return code.replace("-", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

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
