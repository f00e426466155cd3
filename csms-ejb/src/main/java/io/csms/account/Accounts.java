package io.csms.account;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.authorization.IdTags;
import io.csms.platform.Environment;
import io.csms.platform.RandomTokens;
import io.csms.platform.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-up, login, token refresh and logout. Every login, failure, refresh and logout is audited;
 * passwords and tokens never are.
 */
@Stateless
public class Accounts {

    /** Practical email syntax: something@domain.tld, no spaces, at most 254 characters. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private static final char[] TAG_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    AccessTokens accessTokens;

    @Inject
    IdTags idTags;

    @Inject
    AuditTrail audit;

    @Inject
    SecondFactors secondFactors;

    @Inject
    SignupThrottle signups;

    @Inject
    EmailVerifications verifications;

    @Inject
    Environment environment;

    /** Seconds a refresh token stays usable. */
    @Inject
    @ConfigProperty(name = "csms.jwt.refresh-token-lifetime", defaultValue = "2592000")
    long refreshLifetime;

    /** A new account with its app id tag. */
    public record SignedUp(Account account, String idTag) {}

    /**
     * What a successful login or refresh hands out. {@code secondFactor}: {@code verified}, {@code
     * none}, or {@code enrolment-required} (an operator without one, who gets no operator rights).
     */
    public record Tokens(
            String accessToken,
            long expiresIn,
            String refreshToken,
            Account account,
            String idTag,
            String secondFactor) {}

    /** The outcome of a login attempt. */
    public sealed interface Login permits LoggedIn, Opened, Refused, Throttled, SecondFactorRequired, Unverified {}

    /**
     * A console session may open for this operator: with its second factor checked, or (none
     * enrolled yet) only to enrol one, as the console allows nothing else before.
     */
    public record Opened(long accountId, String email, List<String> roles, Instant secondFactorSince) implements Login {

        /** Whether the second factor was checked (else the operator must enrol one first). */
        public boolean secondFactor() {
            return secondFactorSince != null;
        }
    }

    public record LoggedIn(Tokens tokens) implements Login {}

    public record Refused() implements Login {}

    public record Throttled(Duration retryAfter) implements Login {}

    /** The password was right; the account's second factor must come with it. */
    public record SecondFactorRequired() implements Login {}

    /** The password was right; the account's e-mail address is not verified yet. */
    public record Unverified() implements Login {}

    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * A new driver account with its app id tag. Throttled per address and overall before any work;
     * where e-mail verification is on (production), the account is UNVERIFIED until the link sent to
     * the address is used ({@link EmailVerifications}).
     */
    public SignedUp signup(String email, String password, String clientAddress) {
        signups.admit(clientAddress);
        String normalized = acceptable(email, password, "");
        if (byEmail(normalized).isPresent()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "email-taken", "An account with this email exists");
        }
        Account account = new Account(normalized, passwords.hash(password), "user");
        boolean verify = environment.flag(Environment.Safeguard.EMAIL_VERIFICATION);
        if (verify) {
            account.status(Account.Status.UNVERIFIED);
        }
        em.persist(account);
        em.flush();
        if (verify) {
            verifications.start(account);
        }
        String tag = newAppTag();
        idTags.create(tag, account.id(), "APP", "App");
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                account.id().toString(),
                "account.signup",
                normalized,
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                null));
        return new SignedUp(account, tag);
    }

    public Login login(String email, String password, String totp, String clientAddress) {
        return attempt(
                email,
                password,
                totp,
                clientAddress,
                false,
                (found, secondFactor) -> new LoggedIn(tokensFor(found, secondFactor)));
    }

    /**
     * A login to the admin console: as {@link #login} (the same throttle, the same audit), for
     * operators (admin, root) only; {@link Opened} instead of tokens.
     */
    public Login consoleLogin(String email, String password, String totp, String clientAddress) {
        return attempt(
                email,
                password,
                totp,
                clientAddress,
                true,
                (found, secondFactor) -> new Opened(
                        found.id(),
                        found.email(),
                        List.copyOf(found.roles()),
                        secondFactor ? found.secondFactorSince() : null));
    }

    /** An operator's console session opened (both factors checked). */
    public void consoleOpened(long accountId, String clientAddress) {
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                Long.toString(accountId),
                "auth.console.open",
                Long.toString(accountId),
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                null));
    }

    /**
     * Whether an open console session may go on: the account is still active, still an operator,
     * and has the second factor it logged in with ({@code since}: a reset or a new one ends it).
     */
    public boolean consoleStanding(long accountId, Instant since) {
        Account account = em.find(Account.class, accountId);
        return account != null
                && account.active()
                && account.operator()
                && since != null
                && since.equals(account.secondFactorSince());
    }

    /** An operator ended its console session. */
    public void consoleLogout(long accountId, String clientAddress) {
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                Long.toString(accountId),
                "auth.logout",
                Long.toString(accountId),
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                "console"));
    }

    private Login attempt(
            String email,
            String password,
            String totp,
            String clientAddress,
            boolean console,
            java.util.function.BiFunction<Account, Boolean, Login> success) {
        String normalized = normalize(email);
        if (normalized == null || password == null) {
            return new Refused();
        }
        Optional<Duration> wait = throttle.blocked(normalized, clientAddress);
        if (wait.isPresent()) {
            audit.record(new AuditEvent(
                    AuditEvent.ActorType.ANONYMOUS,
                    null,
                    "auth.login",
                    normalized,
                    AuditEvent.Outcome.DENIED,
                    clientAddress,
                    "throttled"));
            return new Throttled(wait.get());
        }
        Optional<Account> account = byEmail(normalized);
        boolean matches =
                passwords.matches(password, account.map(Account::passwordHash).orElse(null));
        // what was typed is kept only when it is an account's email: people type passwords into the email field
        String target = account.isPresent() ? normalized : null;
        if (matches && account.get().status() == Account.Status.UNVERIFIED) {
            audit.record(loginEvent(AuditEvent.Outcome.DENIED, target, clientAddress, "e-mail not verified"));
            return new Unverified();
        }
        if (!matches || !account.get().active()) {
            throttle.failed(normalized, clientAddress);
            audit.record(loginEvent(
                    AuditEvent.Outcome.FAILURE,
                    target,
                    clientAddress,
                    account.isEmpty()
                            ? "unknown account"
                            : matches ? "account " + account.get().id() + " not active" : "wrong password"));
            return new Refused();
        }
        Account found = account.get();
        if (console && !found.operator()) {
            throttle.failed(normalized, clientAddress);
            audit.record(loginEvent(
                    AuditEvent.Outcome.FAILURE,
                    target,
                    clientAddress,
                    "console: account " + found.id() + " is no operator"));
            return new Refused();
        }
        boolean secondFactor = false;
        if (found.secondFactor()) {
            if (totp == null || totp.isBlank()) {
                audit.record(loginEvent(AuditEvent.Outcome.DENIED, target, clientAddress, "second factor missing"));
                return new SecondFactorRequired();
            }
            if (!secondFactors.accept(found, totp.strip(), clientAddress)) {
                throttle.failed(normalized, clientAddress);
                audit.record(loginEvent(AuditEvent.Outcome.FAILURE, target, clientAddress, "wrong second factor"));
                return new Refused();
            }
            secondFactor = true;
        }
        throttle.succeeded(normalized, clientAddress);
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                found.id().toString(),
                "auth.login",
                normalized,
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                (console ? "console" : "api")
                        + (secondFactor
                                ? ", with second factor"
                                : console ? ", password checked: a second factor to enrol" : "")));
        return success.apply(found, secondFactor);
    }

    private static AuditEvent loginEvent(AuditEvent.Outcome outcome, String target, String address, String detail) {
        return new AuditEvent(AuditEvent.ActorType.ANONYMOUS, null, "auth.login", target, outcome, address, detail);
    }

    /**
     * A new access token and a new refresh token for a usable refresh token, which is used up. A
     * refresh token presented again after it was used means it leaked: every token of the account
     * is revoked.
     */
    public Optional<Tokens> refresh(String refreshToken, String clientAddress) {
        Optional<RefreshToken> found = find(refreshToken);
        if (found.isEmpty()) {
            audit.record(new AuditEvent(
                    AuditEvent.ActorType.ANONYMOUS,
                    null,
                    "auth.refresh",
                    null,
                    AuditEvent.Outcome.FAILURE,
                    clientAddress,
                    "unknown refresh token"));
            return Optional.empty();
        }
        RefreshToken token = found.get();
        Instant now = Instant.now();
        Account account = em.find(Account.class, token.accountId());
        if (token.revoked()) {
            revokeAll(token.accountId(), now);
            audit.record(new AuditEvent(
                    AuditEvent.ActorType.ACCOUNT,
                    token.accountId().toString(),
                    "auth.refresh",
                    null,
                    AuditEvent.Outcome.DENIED,
                    clientAddress,
                    "refresh token reused: all tokens revoked"));
            return Optional.empty();
        }
        if (!token.usable(now)
                || account == null
                || !account.active()
                || (token.secondFactor() && !account.secondFactor())) {
            audit.record(new AuditEvent(
                    AuditEvent.ActorType.ACCOUNT,
                    token.accountId().toString(),
                    "auth.refresh",
                    null,
                    AuditEvent.Outcome.FAILURE,
                    clientAddress,
                    "refresh token expired or account inactive"));
            return Optional.empty();
        }
        Tokens tokens = tokensFor(account, token.secondFactor());
        RefreshToken successor = find(tokens.refreshToken()).orElseThrow();
        token.revoke(now, successor.id());
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                account.id().toString(),
                "auth.refresh",
                null,
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                null));
        return Optional.of(tokens);
    }

    /** Revokes {@code refreshToken}; false when it is unknown or not the account's. */
    public boolean logout(long accountId, String refreshToken, String clientAddress) {
        Optional<RefreshToken> token = find(refreshToken).filter(t -> t.accountId() == accountId);
        token.filter(t -> !t.revoked()).ifPresent(t -> t.revoke(Instant.now(), null));
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                Long.toString(accountId),
                "auth.logout",
                null,
                token.isPresent() ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE,
                clientAddress,
                null));
        return token.isPresent();
    }

    /**
     * Creates the first root account when none exists yet; false when one did.
     */
    public boolean ensureRoot(String email, String password) {
        if (em.createNamedQuery(Account.WITH_ROLE, Long.class)
                        .setParameter("role", "%root%")
                        .getSingleResult()
                > 0) {
            return false;
        }
        String normalized = acceptable(email, password, "csms.admin.* ");
        Optional<Account> existing = byEmail(normalized);
        if (existing.isPresent()) {
            throw new Refusal(
                    Refusal.Kind.CONFLICT, "email-taken", "csms.admin.email belongs to an account that is not root");
        }
        Account root = new Account(normalized, passwords.hash(password), "root");
        em.persist(root);
        em.flush();
        idTags.create(newAppTag(), root.id(), "APP", "App");
        audit.record(new AuditEvent(
                AuditEvent.ActorType.SYSTEM,
                null,
                "account.root-created",
                normalized,
                AuditEvent.Outcome.SUCCESS,
                null,
                null));
        return true;
    }

    public Optional<Account> find(long accountId) {
        return Optional.ofNullable(em.find(Account.class, accountId));
    }

    /** The id tag the app charges with (created at sign-up). */
    public String appTag(long accountId) {
        return idTags.ofAccount(accountId).stream()
                .filter(t -> t.kind().equals("APP"))
                .map(t -> t.idTag())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Account " + accountId + " has no app id tag"));
    }

    /** The normalized email, when email and password may make an account; {@code context} prefixes the refusal. */
    private static String acceptable(String email, String password, String context) {
        String normalized = normalize(email);
        if (normalized == null
                || normalized.length() > 254
                || !EMAIL.matcher(normalized).matches()) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-email", context + "Not a valid email address");
        }
        Passwords.weakness(password, normalized).ifPresent(weakness -> {
            throw new Refusal(Refusal.Kind.INVALID, "weak-password", context + "Password: " + weakness);
        });
        return normalized;
    }

    /**
     * Tokens for a login. An operator (admin, root) gets operator rights only with the second factor
     * when {@code csms.admin.require-mfa} is on (production): without it, the token is a driver's,
     * good for enrolling a second factor and nothing an operator does.
     */
    private Tokens tokensFor(Account account, boolean secondFactor) {
        boolean operatorWithoutFactor =
                account.operator() && !secondFactor && environment.flag(Environment.Safeguard.ADMIN_REQUIRE_MFA);
        List<String> groups = operatorWithoutFactor ? List.of("user") : account.roles();
        AccessTokens.Issued access = accessTokens.issue(account, groups, secondFactor);
        String refresh = RandomTokens.random();
        Instant now = Instant.now();
        em.persist(new RefreshToken(
                account.id(), RandomTokens.sha256(refresh), now, now.plusSeconds(refreshLifetime), secondFactor));
        em.flush();
        return new Tokens(
                access.token(),
                access.expiresIn(),
                refresh,
                account,
                appTag(account.id()),
                secondFactor ? "verified" : operatorWithoutFactor ? "enrolment-required" : "none");
    }

    private Optional<RefreshToken> find(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 100) {
            return Optional.empty();
        }
        return em.createNamedQuery(RefreshToken.BY_HASH, RefreshToken.class)
                .setParameter("hash", RandomTokens.sha256(refreshToken))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    private void revokeAll(Long accountId, Instant now) {
        em.createNamedQuery(RefreshToken.REVOKE_ALL)
                .setParameter("now", now)
                .setParameter("account", accountId)
                .executeUpdate();
    }

    private Optional<Account> byEmail(String normalized) {
        return em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", normalized)
                .getResultStream()
                .findFirst();
    }

    /** "A" and 15 random characters of Crockford's base32: 75 random bits, fits OCPP's 20. */
    private String newAppTag() {
        while (true) {
            StringBuilder tag = new StringBuilder("A");
            for (int i = 0; i < 15; i++) {
                tag.append(TAG_ALPHABET[RANDOM.nextInt(TAG_ALPHABET.length)]);
            }
            if (idTags.find(tag.toString()).isEmpty()) {
                return tag.toString();
            }
        }
    }
}
