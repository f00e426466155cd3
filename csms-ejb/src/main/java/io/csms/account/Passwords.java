package io.csms.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password policy and hashing. Hashes are Jakarta Security's PBKDF2 (HMAC-SHA512, 32-byte salt);
 * the iteration count is stored with each hash, so raising it affects new passwords only.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** PBKDF2 iterations for new hashes (OWASP's 2023 figure for HMAC-SHA512). */
    @Inject
    @ConfigProperty(name = "csms.password.iterations", defaultValue = "210000")
    int iterations;

    /** Verified against when no account matches, so an unknown email costs as much time as a known one. */
    private String decoy;

    @PostConstruct
    void init() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = pbkdf2.generate("decoy-password-never-matches".toCharArray());
    }

    /** Why {@code password} is not acceptable for the account {@code email}, or empty when it is. */
    public static Optional<String> weakness(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("at most " + MAX_LENGTH + " characters");
        }
        if (password.chars().distinct().count() < 5) {
            return Optional.of("at least 5 different characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String local = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@", 2)[0];
        if (local.length() >= 3 && lower.contains(local)) {
            return Optional.of("must not contain the email address");
        }
        if (lower.contains("password") || lower.contains("123456") || lower.contains("qwerty")) {
            return Optional.of("too easy to guess");
        }
        return Optional.empty();
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    /** Constant-time comparison inside PBKDF2's verify; {@code hash} null means "no such account". */
    public boolean matches(String password, String hash) {
        boolean matches = pbkdf2.verify(password.toCharArray(), hash == null ? decoy : hash);
        return hash != null && matches;
    }
}
