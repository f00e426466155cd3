package io.csms.it;

import io.csms.server.Database;
import io.csms.server.DevCertificateAuthority;
import io.csms.server.EmbeddedDatabase;
import io.csms.server.PayaraServer;
import io.csms.server.WildFlyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts what the integration tests run against, once per test JVM: a fresh embedded PostgreSQL and
 * the server named by {@code csms.it.server} (payara or wildfly), configured the way server-config
 * configures production. Arquillian then deploys the EAR. Everything stops when the session ends.
 */
public class ServerUnderTest implements LauncherSessionListener {

    private static EmbeddedDatabase database;
    private static AutoCloseable server;
    private static String baseUrl;
    private static String healthUrl;
    private static DevCertificateAuthority certificateAuthority;
    private static TestAuthority manufacturerCa;
    private static int httpsPort;
    private static boolean openData;
    private static FakeSmtp mail;
    private static long serverPid;
    private static java.util.Set<Integer> listeners;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String kind = System.getProperty("csms.it.server");
        if (kind == null || server != null) {
            return;
        }
        Instant started = Instant.now();
        // also when the test JVM is stopped from outside: leave no server or database behind
        Runtime.getRuntime().addShutdownHook(new Thread(ServerUnderTest::stopAll, "csms-it-stop"));
        Path work = Path.of(System.getProperty("csms.it.work"));
        int port = Integer.getInteger("csms.it.port");
        try {
            database = EmbeddedDatabase.forTests(work.resolve("pgdata-" + kind), Integer.getInteger("csms.it.db.port"));
            TestKeys.init(work.resolve("keys"));
            Map<String, String> settings =
                    new LinkedHashMap<>(database.database().systemProperties());
            settings.putAll(TestKeys.systemProperties());
            certificateAuthority = DevCertificateAuthority.ensure(work.resolve("ca"), work.resolve("logs/keytool.log"));
            settings.putAll(certificateAuthority.systemProperties());
            // the TLS listeners also trust a "manufacturer" CA, as an operator's may: the CSMS itself
            // accepts its certificates only for the chargers configured with it
            manufacturerCa = TestAuthority.create("CSMS IT Charger Manufacturer CA");
            Path clientTrust = work.resolve("ca/it-client-trust.p12");
            TestAuthority.writeTrustStore(
                    clientTrust, certificateAuthority.password(), TestAuthority.csms(), manufacturerCa);
            settings.put("csms.tls.truststore", clientTrust.toAbsolutePath().toString());
            // short enough that the timeout test does not take long
            settings.put("csms.ocpp.call-timeout", "3");
            // dead sockets found within seconds: pings every 2 s, closed after 5 s of silence
            settings.put("csms.ocpp.ping-interval", "2");
            // a driver's start that the charger accepted but never began is given up after 4 s
            settings.put("csms.charging.start-timeout", "4");
            // one-second TOTP slots: a test can use several fresh values without waiting half a minute
            settings.put("csms.ocpi.totp.validity-seconds", "1");
            // every test calls from 127.0.0.1: room for the failures the OCPI tests provoke on purpose
            settings.put("csms.ocpi.max-auth-failures-per-address", "500");
            settings.put("csms.ocpi.max-auth-failures-per-partner", "80");
            // a session's meter values reach the eMSP a second after the last push, not a minute
            settings.put("csms.ocpi.sessions.update-interval", "PT1S");
            // an eMSP asked about a token has 1.5 s to answer (the slow eMSP of the tokens test takes 4 s)
            settings.put("csms.ocpi.authorization.timeout", "PT1.5S");
            // a console session ends after 15 s idle, so the console test sees it end
            settings.put("csms.console.session-timeout", "PT15S");
            // a partner's credentials request may spend 5 s calling it back (the tarpit test waits that long)
            settings.put("csms.ocpi.handshake-timeout", "PT5S");
            // Payara is a test bench, as the run command's; WildFly runs as production (the default of a
            // deployed EAR), with only the relaxations the tests need, each set by its own name
            boolean production = kind.equals("wildfly");
            settings.put("csms.environment", production ? "production" : "test");
            if (production) {
                // the test partners are plain-HTTP servers on 127.0.0.1
                settings.put("csms.ocpi.allow-plain-http", "true");
                settings.put("csms.ocpi.allow-private-addresses", "true");
                mail = new FakeSmtp();
                settings.put("csms.mail.smtp.host", "127.0.0.1");
                settings.put("csms.mail.smtp.port", Integer.toString(mail.port()));
                settings.put("csms.mail.smtp.starttls", "false");
                settings.put("csms.accounts.verification-url", "https://app.csms.test/verify?token=");
            }
            // a claim to a card waits 3 s for its tap, so that a test can see one expire
            settings.put("csms.cards.claim-window", "PT3S");
            // every test calls from 127.0.0.1: room for the sign-ups and failed handshakes the tests make
            // production (WildFly) keeps a low limit, which AccountSecurityIT reaches from another address
            settings.put("csms.signup.max-per-address", production ? "20" : "1000");
            settings.put("csms.signup.max-per-minute", "1000");
            settings.put("csms.ocpp.handshake.max-failures-per-address", "500");
            settings.put("csms.admin.email", ROOT_EMAIL);
            settings.put("csms.admin.password", ROOT_PASSWORD);
            // anonymous open data: switched on for the Payara run, left at its default (off) on WildFly
            openData = kind.equals("payara");
            settings.put("csms.ocpi.open-data", Boolean.toString(openData));
            settings.put("csms.metrics.token", METRICS_TOKEN);
            // the admin surfaces answer the loopback addresses the tests use, not others (Payara)
            if (!production) {
                settings.put("csms.admin.allowed-addresses", "127.0.0.1/32,::1/128");
            }
            // unknown charger ids: refused (the default) on Payara, Pending until accepted on WildFly
            settings.put("csms.ocpp.unknown-chargers", kind.equals("payara") ? "reject" : "pending");
            Path zip = Path.of(System.getProperty("csms.it.server.zip"));
            if (kind.equals("payara")) {
                PayaraServer payara = new PayaraServer(
                        PayaraServer.provision(zip, work.resolve("servers")),
                        "csms-it",
                        port,
                        work.resolve("logs/payara-asadmin.log"),
                        work.resolve("keys"));
                server = payara;
                payara.deleteDomain();
                payara.create();
                payara.trustClientCertificates(clientTrust, certificateAuthority.password());
                payara.heapForNewDomain("1g");
                payara.start(settings);
                httpsPort = payara.httpsPort();
                System.setProperty("csms.it.payara.admin-port", Integer.toString(payara.adminPort()));
                System.setProperty("csms.it.payara.admin-password", payara.adminPassword());
                serverPid = payara.pid();
                listeners = java.util.Set.of(payara.httpPort(), payara.httpsPort());
                baseUrl = payara.baseUrl();
                healthUrl = payara.baseUrl() + "/health";
            } else {
                WildFlyServer wildfly = new WildFlyServer(
                        WildFlyServer.provision(
                                zip, work.resolve("servers"), System.getProperty("csms.it.server.folder")),
                        port,
                        work.resolve("logs/wildfly.log"));
                server = wildfly;
                wildfly.configure(settings);
                wildfly.start(settings);
                System.setProperty("csms.it.wildfly.management-port", Integer.toString(wildfly.managementPort()));
                serverPid = wildfly.pid();
                listeners = java.util.Set.of(wildfly.httpPort(), wildfly.httpsPort());
                baseUrl = wildfly.baseUrl();
                httpsPort = wildfly.httpsPort();
                healthUrl = wildfly.healthUrl();
            }
        } catch (IOException e) {
            stopAll();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stopAll();
            throw e;
        }
        System.out.printf(
                "[csms-it] %s and PostgreSQL started in %d s%n",
                kind, Duration.between(started, Instant.now()).toSeconds());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stopAll();
    }

    private static synchronized void stopAll() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (Exception e) {
            System.err.println("[csms-it] server did not stop cleanly: " + e);
        } finally {
            server = null;
        }
        try {
            if (database != null) {
                database.close();
            }
        } catch (IOException e) {
            System.err.println("[csms-it] PostgreSQL did not stop cleanly: " + e);
        } finally {
            database = null;
        }
    }

    /** {@code http://localhost:port} of the server under test. */
    /** What a Prometheus scraping the server under test presents (csms.metrics.token). */
    public static final String METRICS_TOKEN = "scraper-" + Long.toHexString(System.nanoTime());

    /** The root account the server creates at its first start (csms.admin.email / csms.admin.password). */
    public static final String ROOT_EMAIL = "chief@csms.test";

    public static final String ROOT_PASSWORD = "Head-of-all-tests-" + Long.toHexString(System.nanoTime());

    /** Every log file the server under test wrote. */
    public static java.util.List<Path> logFiles() {
        try (var files = java.nio.file.Files.walk(Path.of(System.getProperty("csms.it.work")))) {
            return files.filter(
                            f -> f.getFileName().toString().endsWith(".log") && java.nio.file.Files.isRegularFile(f))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String baseUrl() {
        return baseUrl;
    }

    /** The MicroProfile Health root ({@code .../health}) of the server under test. */
    public static String healthUrl() {
        return healthUrl;
    }

    /** The embedded PostgreSQL itself, for a test that stops and restarts it (an outage). */
    public static EmbeddedDatabase embeddedDatabase() {
        return database;
    }

    /** The database the deployed application uses, for tests that check what was stored. */
    public static Database database() {
        return database.database();
    }

    /** Whether this run serves OCPI open data without a token ({@code csms.ocpi.open-data}). */
    public static boolean openData() {
        return openData;
    }

    /** The server's process, and the ports it may listen on beyond loopback (its HTTP and HTTPS listeners). */
    public static long serverPid() {
        return serverPid;
    }

    public static java.util.Set<Integer> publicPorts() {
        return listeners;
    }

    /** Whether the server runs as production (WildFly) rather than as a test bench (Payara). */
    public static boolean production() {
        return mail != null;
    }

    /** The SMTP server the production-mode run (WildFly) sends its mails to; null on the test bench. */
    public static FakeSmtp mail() {
        return mail;
    }

    public static int httpsPort() {
        return httpsPort;
    }

    /** The CSMS CA the server under test signs charger certificates with. */
    /** A CA the TLS listeners trust besides the CSMS CA, which the CSMS trusts only for chargers configured with it. */
    public static TestAuthority manufacturerCa() {
        return manufacturerCa;
    }

    public static DevCertificateAuthority certificateAuthority() {
        return certificateAuthority;
    }

    /** The repository's published specification data ({@code spec-data}, see its README). */
    public static Path specs() {
        return Path.of(System.getProperty("csms.spec-data"));
    }
}
