package io.csms.ocpi.console;

import jakarta.security.enterprise.credential.Credential;
import java.util.List;

/**
 * An operator whose password and second factor the console has just checked ({@link LoginPage}),
 * by account id (the name the audit trail gives operators) and roles:
 * made only on the server, after the check, and handed to {@link ConsoleAuthentication} to open the
 * session. Nothing a browser sends becomes one.
 */
record ConsoleCredential(String name, List<String> roles) implements Credential {}
