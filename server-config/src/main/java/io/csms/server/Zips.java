package io.csms.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Unpacks a server distribution once; later runs reuse it. */
final class Zips {

    private Zips() {}

    /**
     * Unpacks {@code zip} into {@code target} unless {@code marker} (a path inside the unpacked tree)
     * already exists. Shell scripts under a {@code bin/} folder are made executable: zip entries
     * read by java.util.zip carry no permissions.
     */
    static void unpackOnce(Path zip, Path target, Path marker) throws IOException {
        if (Files.exists(marker)) {
            return;
        }
        if (!Files.isRegularFile(zip)) {
            throw new IOException("Server distribution not found: " + zip + " (build with ./mvnw package first)");
        }
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("Zip entry outside target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                String name = out.getFileName().toString();
                if (out.getParent().getFileName().toString().equals("bin")
                        && (name.endsWith(".sh") || !name.contains("."))) {
                    out.toFile().setExecutable(true);
                }
            }
        }
    }
}
