package io.csms.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Files that hold secrets (keys, passwords): created readable by their owner only from the first
 * byte on (not written and chmod-ed after, which leaves a moment when others may read them).
 */
public final class SecretFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {}

    /** Writes {@code content} to a new owner-only file (replacing one that exists). */
    public static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** A random secret kept in {@code file}: made at the first call, read at the later ones. */
    public static String random(Path file, int bytes) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        String value = HexFormat.of().formatHex(secret);
        write(file, value + "\n");
        return value;
    }
}
