package io.csms.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A PostgreSQL server started from the binaries in a Maven artifact (io.zonky.test), for the run
 * command's default and for the integration tests: no system PostgreSQL, no Docker. It creates the
 * role and database the CSMS uses, with a password generated once and kept beside the data.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Database database;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Database database) {
        this.postgres = postgres;
        this.database = database;
    }

    /**
     * Starts PostgreSQL on {@code port} with its data in {@code dataDir}; {@code fresh} wipes the
     * data first (tests), otherwise an existing cluster is reused (the run command).
     */
    public static EmbeddedDatabase start(Path dataDir, int port, boolean fresh) throws IOException {
        Files.createDirectories(dataDir.getParent());
        if (fresh) {
            deleteRecursively(dataDir);
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(fresh)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", fresh ? "off" : "on")
                .start();
        Database database = new Database(
                "localhost", port, "csms", "csms", password(dataDir.getParent()), Database.configuredPoolSize());
        try {
            createRoleAndDatabase(postgres, database);
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("Cannot prepare the csms database", e);
        }
        return new EmbeddedDatabase(postgres, database);
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void createRoleAndDatabase(EmbeddedPostgres postgres, Database db) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", db.user())) {
                s.execute("create role " + db.user() + " login");
            }
            s.execute("alter role " + db.user() + " password '" + db.password() + "'");
            if (!exists(c, "select 1 from pg_database where datname = ?", db.name())) {
                s.execute("create database " + db.name() + " owner " + db.user());
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A random password for the csms role, made at first start and kept (owner-only) next to the data. */
    private static String password(Path dir) throws IOException {
        Path file = dir.resolve("db-password");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Files.writeString(file, password);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return password;
    }
}
