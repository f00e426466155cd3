package io.csms;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The published specification data in the repository's {@code spec-data} folder (see its README for
 * each file's origin), as the build names it in the system property {@code csms.spec-data}.
 */
public final class SpecData {

    private SpecData() {}

    /** A file or folder of spec-data, e.g. {@code ocpp-1.6/schemas}. */
    public static Path of(String relative) {
        String root = System.getProperty("csms.spec-data");
        if (root == null) {
            throw new IllegalStateException("csms.spec-data is not set: run the tests through Maven");
        }
        Path path = Path.of(root).resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException("No " + path + " (spec-data of the repository)");
        }
        return path;
    }
}
