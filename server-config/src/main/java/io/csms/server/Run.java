package io.csms.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The run command: the whole CSMS on this machine. Starts PostgreSQL (embedded, unless
 * {@code CSMS_DB_HOST} names one), provisions and starts Payara Server, deploys the EAR, waits until
 * it is ready and prints the URLs. Ctrl-C (or {@code server-config/run stop}) shuts it all down.
 * Other settings reach the application through MicroProfile Config from the environment, which the
 * server inherits (e.g. {@code CSMS_OCPP_UNKNOWN_CHARGERS=pending}).
 *
 * <p>Arguments: {@code <ear> <payara.zip> <state folder>}. The state folder keeps the unpacked server,
 * the database files, the generated keys and the logs, so a second run starts quickly.
 */
public final class Run {

    static final int EMBEDDED_DB_PORT = Integer.getInteger("csms.run.db-port", 15432);
    static final int PORT_BASE = Integer.getInteger("csms.run.port-base", 8000);

    private Run() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Run <csms.ear> <payara.zip> <state folder>");
            System.exit(2);
        }
        Path ear = Path.of(args[0]).toAbsolutePath();
        Path zip = Path.of(args[1]);
        Path state = Path.of(args[2]).toAbsolutePath();
        Instant started = Instant.now();

        EmbeddedDatabase embedded = null;
        Database database = Database.configured().orElse(null);
        if (database == null) {
            say("Starting embedded PostgreSQL (data in " + state.resolve("pgdata") + ", port " + EMBEDDED_DB_PORT
                    + ")");
            embedded = EmbeddedDatabase.forRun(state.resolve("pgdata"), EMBEDDED_DB_PORT);
            database = embedded.database();
        } else {
            say("Using the configured PostgreSQL " + database);
        }
        SigningKeys keys = SigningKeys.ensure(state.resolve("keys"));

        say("Provisioning Payara Server in " + state);
        Path home = PayaraServer.provision(zip, state);
        PayaraServer payara =
                new PayaraServer(home, "csms", PORT_BASE, state.resolve("logs/asadmin.log"), state.resolve("keys"));
        CountDownLatch stopped = new CountDownLatch(1);
        EmbeddedDatabase db = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(payara, db, stopped), "csms-shutdown"));

        Map<String, String> settings = new LinkedHashMap<>(database.systemProperties());
        // a bench unless said otherwise (CSMS_ENVIRONMENT=production): plain-HTTP and loopback partners, no MFA
        String environment =
                System.getenv().getOrDefault("CSMS_ENVIRONMENT", System.getProperty("csms.environment", "test"));
        settings.put("csms.environment", environment);
        settings.putAll(keys.systemProperties());
        DevCertificateAuthority ca =
                DevCertificateAuthority.ensure(state.resolve("keys"), state.resolve("logs/keytool.log"));
        settings.putAll(ca.systemProperties());
        java.util.Optional<AdminAccount> admin = AdminAccount.forFirstStart(state);
        admin.ifPresent(a -> settings.putAll(a.systemProperties()));
        say("Starting Payara Server (domain csms, port base " + PORT_BASE + ")");
        payara.create();
        payara.trustClientCertificates(ca.truststore(), ca.password());
        payara.start(settings);
        payara.tune(Integer.getInteger("csms.run.http-threads", 64), memory());
        say("Deploying " + ear.getFileName());
        payara.deploy(ear, "csms");
        payara.awaitReady(Duration.ofMinutes(3));
        if (admin.isPresent()) {
            // created by now; the password does not stay in the server's configuration
            payara.deleteSystemProperty("csms.admin.password");
            AdminAccount.created(state);
        }
        Files.writeString(
                state.resolve("run.pid"), Long.toString(ProcessHandle.current().pid()));

        Database finalDatabase = database;
        String base = payara.baseUrl();
        say("");
        say("CSMS is ready (" + Duration.between(started, Instant.now()).toSeconds() + " s):");
        say("  OCPP 1.6-J      ws://localhost:" + payara.httpPort() + "/csms/ocpp/{chargePointId}");
        say("                  wss://localhost:" + payara.httpsPort() + "/csms/ocpp/{chargePointId} (profiles 2, 3)");
        say("  CSMS CA         " + ca.keystore() + " (signs charger certificates)");
        say("  API             " + base + "/csms/api");
        say("  OCPI            " + base + "/ocpi/versions");
        say("  Console         " + base + "/ocpi/admin/login.xhtml");
        say("  Health          " + base + "/health/ready");
        say("  Environment     " + environment
                + (environment.equals("test")
                        ? " (a bench: plain-HTTP and loopback OCPI partners, no second factor; CSMS_ENVIRONMENT=production for more)"
                        : ""));
        say("  Payara admin    http://127.0.0.1:" + payara.adminPort() + " (this machine only; user admin, password in "
                + state.resolve("keys/csms-admin-password") + ")");
        say("  Server log      " + home.resolve("glassfish/domains/csms/logs/server.log"));
        admin.filter(a -> rootExists(finalDatabase, a.email())).ifPresent(a -> {
            say("  Root account    " + a.email()
                    + (a.generated()
                            ? " / " + a.password() + "  (generated, shown only now: log in and keep it safe;"
                                    + " set CSMS_ADMIN_EMAIL / CSMS_ADMIN_PASSWORD before the first start to choose)"
                            : " (from CSMS_ADMIN_EMAIL / CSMS_ADMIN_PASSWORD)"));
        });
        say("Press Ctrl-C (or run 'server-config/run stop') to stop.");
        stopped.await();
    }

    /**
     * The server's JVM memory options: the heap, {@code csms.run.heap} (768m: 10,000 connected chargers
     * under the reference load keep about 500 MB live; 640m filled up, 1g cost 240 MB more RSS for no
     * better p99; see README, "The reference run: CPU per call and memory"), the C library's free
     * memory handed back to the system every 10 s ({@value #TRIM_NATIVE_HEAP}, when the JDK has it:
     * 17.0.9 and later) and {@code csms.run.jvm-options} (space-separated, e.g. {@code -Xss512k
     * -XX:MaxGCPauseMillis=50}) on top.
     */
    static List<String> memory() {
        List<String> options = new ArrayList<>();
        options.add("-Xmx" + System.getProperty("csms.run.heap", "768m"));
        if (jvmAccepts(TRIM_NATIVE_HEAP)) {
            options.add(TRIM_NATIVE_HEAP);
        }
        String extra = System.getProperty("csms.run.jvm-options", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options;
    }

    static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=10000";

    /** Whether this JDK (the one the server runs on) starts with {@code option}: an unknown one stops it. */
    static boolean jvmAccepts(String option) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            Process probe = new ProcessBuilder(java.toString(), option, "-version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return probe.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void shutDown(PayaraServer payara, EmbeddedDatabase db, CountDownLatch stopped) {
        say("Stopping Payara Server ...");
        try {
            payara.stop();
        } catch (RuntimeException e) {
            say("Payara did not stop cleanly: " + e.getMessage());
        }
        if (db != null) {
            say("Stopping embedded PostgreSQL ...");
            try {
                db.close();
            } catch (IOException e) {
                say("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        stopped.countDown();
        say("Stopped.");
    }

    /** Whether the application created (or already had) the root account {@code email}. */
    private static boolean rootExists(Database database, String email) {
        try (var c = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                var ps = c.prepareStatement(
                        "select count(*) from account where lower(email) = lower(?) and roles like '%root%'")) {
            ps.setString(1, email);
            try (var rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    say(
                            "  Root account    not created (one existed already, or csms.admin.* was refused: see the server log)");
                    return false;
                }
                return true;
            }
        } catch (java.sql.SQLException e) {
            say("  Root account    unknown (" + e.getMessage() + ")");
            return false;
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
