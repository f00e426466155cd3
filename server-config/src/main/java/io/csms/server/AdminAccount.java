package io.csms.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The first root account of a new installation: from {@code CSMS_ADMIN_EMAIL} / {@code CSMS_ADMIN_PASSWORD}
 * (or {@code -Dcsms.admin.*}) when set, otherwise {@code admin@csms.local} with a generated password that
 * the run command prints once. A marker in the state folder records that it was handed over, so later
 * runs pass nothing (the application ignores the settings once a root account exists anyway).
 */
public record AdminAccount(String email, String password, boolean generated) {

    private static final String MARKER = "root-account-created";

    /** The account to create on this run, or empty when it was created on an earlier one. */
    public static Optional<AdminAccount> forFirstStart(Path stateDir) {
        if (Files.exists(stateDir.resolve(MARKER))) {
            return Optional.empty();
        }
        String email = setting("csms.admin.email", "CSMS_ADMIN_EMAIL");
        String password = setting("csms.admin.password", "CSMS_ADMIN_PASSWORD");
        if (email != null && password != null) {
            return Optional.of(new AdminAccount(email, password, false));
        }
        byte[] random = new byte[15];
        new SecureRandom().nextBytes(random);
        return Optional.of(new AdminAccount(
                email == null ? "admin@csms.local" : email,
                "Csms-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random),
                true));
    }

    public Map<String, String> systemProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("csms.admin.email", email);
        props.put("csms.admin.password", password);
        return props;
    }

    /** Remembers that the application has created the account. */
    public static void created(Path stateDir) throws IOException {
        Files.writeString(stateDir.resolve(MARKER), "The root account was created at the first start.\n");
    }

    private static String setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
