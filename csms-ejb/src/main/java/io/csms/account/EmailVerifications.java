package io.csms.account;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.platform.RandomTokens;
import io.csms.platform.Refusal;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Proof of an e-mail address at sign-up (on in production, {@code
 * csms.accounts.require-email-verification}): the account starts UNVERIFIED, a link with a random
 * token goes to the address ({@link Mailer}, once the sign-up is committed), and the token, used
 * once within {@code csms.accounts.verification-lifetime}, makes the account ACTIVE.
 */
@Stateless
public class EmailVerifications {

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Event<Mailer.VerificationMail> mails;

    @Inject
    @ConfigProperty(name = "csms.accounts.verification-lifetime", defaultValue = "P2D")
    Duration lifetime;

    /** Sends the account a new link (after the current transaction commits). */
    public void start(Account account) {
        String token = RandomTokens.random();
        em.persist(new EmailVerification(
                RandomTokens.sha256(token), account.id(), Instant.now().plus(lifetime)));
        mails.fire(new Mailer.VerificationMail(account.email(), token));
    }

    /** Uses a link's token: the account becomes ACTIVE. Unknown, used or expired tokens are refused alike. */
    public Account verify(String token, String clientAddress) {
        Instant now = Instant.now();
        Optional<EmailVerification> found = token == null || token.length() > 100
                ? Optional.empty()
                : Optional.ofNullable(em.find(EmailVerification.class, RandomTokens.sha256(token)));
        if (found.isEmpty() || !found.get().use(now)) {
            audit.record(new AuditEvent(
                    AuditEvent.ActorType.ANONYMOUS,
                    null,
                    "account.verify",
                    null,
                    AuditEvent.Outcome.FAILURE,
                    clientAddress,
                    "unknown, used or expired token"));
            throw new Refusal(Refusal.Kind.INVALID, "invalid-token", "This link is not valid (any more)");
        }
        Account account = em.find(Account.class, found.get().accountId());
        if (account.status() == Account.Status.UNVERIFIED) {
            account.status(Account.Status.ACTIVE);
        }
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                account.id().toString(),
                "account.verify",
                account.email(),
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                null));
        return account;
    }
}
