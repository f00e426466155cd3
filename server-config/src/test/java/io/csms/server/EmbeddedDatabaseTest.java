package io.csms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The run command's PostgreSQL is durable: a commit is on disk before a charger is told it is
 * stored (the embedded library's own default, {@code synchronous_commit=off}, is not). The tests'
 * may be fast. Read from a real PostgreSQL's {@code pg_settings}, started the way each starts it.
 */
class EmbeddedDatabaseTest {

    @Test
    void the_run_commands_database_commits_durably() throws Exception {
        Path dir = Files.createTempDirectory("csms-run-db");
        try (EmbeddedDatabase db = EmbeddedDatabase.forRun(dir.resolve("pgdata"), freePort())) {
            assertEquals("on", setting(db, "synchronous_commit"));
            assertEquals("on", setting(db, "fsync"));
            assertEquals("on", setting(db, "full_page_writes"));
        }
    }

    @Test
    void the_tests_database_is_fast_and_survives_a_stop_and_start() throws Exception {
        Path dir = Files.createTempDirectory("csms-test-db");
        try (EmbeddedDatabase db = EmbeddedDatabase.forTests(dir.resolve("pgdata"), freePort())) {
            assertEquals("off", setting(db, "synchronous_commit"));
            try (Connection c = connect(db);
                    Statement s = c.createStatement()) {
                s.execute("create table kept (x int)");
                s.execute("insert into kept values (42)");
            }
            db.stop();
            db.start();
            try (Connection c = connect(db);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select x from kept")) {
                rs.next();
                assertEquals(42, rs.getInt(1), "an outage test gets the same data back");
            }
        }
    }

    private static String setting(EmbeddedDatabase db, String name) throws SQLException {
        try (Connection c = connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select setting from pg_settings where name = '" + name + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection connect(EmbeddedDatabase db) throws SQLException {
        Database d = db.database();
        return DriverManager.getConnection(d.jdbcUrl(), d.user(), d.password());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
