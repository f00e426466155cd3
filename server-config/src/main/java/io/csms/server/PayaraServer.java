package io.csms.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Payara Server 6 domain driven with {@code asadmin}: created once (with a port base, so tests and
 * a running system do not collide), started, given the CSMS's settings, and stopped.
 */
public final class PayaraServer implements AutoCloseable {

    static final String DEPLOY_XML_VALIDATION =
            "configs.config.server-config.admin-service.das-config.deploy-xml-validation";

    /** Payara's Hibernate integration: the JTA platform is server-specific, so it is set here, not in the EAR. */
    static final Map<String, String> SERVER_PROPERTIES = Map.of(
            "hibernate.transaction.jta.platform",
            "org.hibernate.engine.transaction.jta.platform.internal.SunOneJtaPlatform");

    /** The domain was made by this tooling: with an admin password, locked down (see {@link #lockDown}). */
    /** Written once the domain exists with an admin password (made by this tooling, not an older one). */
    private static final String CREATED = "config/.csms-created";
    /** Written once the domain's listeners are locked down to loopback (one restart). */
    private static final String SECURED = "config/.csms-secured";

    private final Path home;
    private final String domain;
    private final int portBase;
    private final Path log;
    private final Path passwordFile;
    private boolean running;
    private boolean clientCertificatesWanted;
    private String heapAtLockDown;

    /**
     * @param home the {@code payara6} folder of an unpacked distribution
     * @param portBase asadmin's {@code --portbase}: admin on +48, HTTP on +80, HTTPS on +81
     * @param secrets where the domain's admin password is kept (owner-only), made at first use
     */
    public PayaraServer(Path home, String domain, int portBase, Path log, Path secrets) throws IOException {
        this.home = home;
        this.domain = domain;
        this.portBase = portBase;
        this.log = log;
        this.passwordFile = secrets.resolve(domain + "-asadmin-password");
        if (!Files.exists(passwordFile)) {
            SecretFiles.write(
                    passwordFile,
                    "AS_ADMIN_PASSWORD=" + SecretFiles.random(secrets.resolve(domain + "-admin-password"), 24) + "\n");
        }
    }

    /** The admin user's password (what a tool such as Arquillian needs to deploy). */
    public String adminPassword() throws IOException {
        return Files.readString(passwordFile).strip().substring("AS_ADMIN_PASSWORD=".length());
    }

    /** Unpacks the distribution zip into {@code parent} unless it was unpacked before; returns its home. */
    public static Path provision(Path zip, Path parent) throws IOException {
        Zips.unpackOnce(zip, parent, parent.resolve("payara6/bin/asadmin"));
        return parent.resolve("payara6");
    }

    public int httpPort() {
        return portBase + 80;
    }

    public int adminPort() {
        return portBase + 48;
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort();
    }

    /** Deletes the domain, so the next start creates it anew with only the settings given then (tests). */
    public void deleteDomain() throws IOException {
        if (Files.isDirectory(domainDir())) {
            try {
                asadmin(Duration.ofMinutes(1), "delete-domain", domain);
            } catch (IllegalStateException unreadable) {
                // a domain whose domain.xml was cut short (a machine stopped mid-write) cannot be
                // deleted by asadmin (its output is in the log); its server is not running, so its
                // folder can simply go
                Folders.deleteRecursively(domainDir());
            }
        }
    }

    /**
     * Creates the domain unless it exists, with an admin password (security review C0: a domain
     * without one lets anyone who reaches its admin port deploy code). A domain left by an earlier
     * version of this tooling, without a password, is made anew.
     */
    public void create() throws IOException {
        if (Files.isDirectory(domainDir()) && !Files.exists(domainDir().resolve(CREATED))) {
            deleteDomain();
        }
        if (!Files.isDirectory(domainDir())) {
            asadmin(
                    Duration.ofMinutes(3),
                    "--user",
                    "admin",
                    "--passwordfile",
                    passwordFile.toString(),
                    "create-domain",
                    "--portbase",
                    Integer.toString(portBase),
                    domain);
            Files.writeString(domainDir().resolve(CREATED), "created with an admin password\n");
        }
    }

    /**
     * HTTPS chargers with client certificates (OCPP security profile 3): the domain's trust store gets
     * the CSMS CA certificate and the HTTPS listener asks for (does not require) a client
     * certificate. The trust store is changed on the stopped domain, before {@link #start}; the
     * listener is reconfigured once the domain runs (Payara rewrites domain.xml on its first start).
     */
    public void trustClientCertificates(Path caTruststore, String password) throws IOException {
        Path cacerts = domainDir().resolve("config/cacerts.p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        String listed = Processes.run(
                List.of(keytool, "-list", "-keystore", cacerts.toString(), "-storepass", "changeit"),
                Map.of(),
                log,
                Duration.ofMinutes(1));
        if (!listed.contains(DevCertificateAuthority.ALIAS)) {
            Processes.run(
                    List.of(
                            keytool,
                            "-importkeystore",
                            "-noprompt",
                            "-srckeystore",
                            caTruststore.toString(),
                            "-srcstorepass:env",
                            "CSMS_CA_PASSWORD",
                            "-destkeystore",
                            cacerts.toString(),
                            "-deststorepass",
                            "changeit"),
                    Map.of("CSMS_CA_PASSWORD", password),
                    log,
                    Duration.ofMinutes(1));
        }
        clientCertificatesWanted = true;
    }

    private Path domainDir() {
        return home.resolve("glassfish/domains").resolve(domain);
    }

    public int httpsPort() {
        return portBase + 81;
    }

    /**
     * The Java heap a new domain gets, applied with its lock-down (no restart of its own): the test
     * suite redeploys the EAR some thirty times into one server, which Payara's 512m does not hold.
     */
    public void heapForNewDomain(String heap) {
        this.heapAtLockDown = heap;
    }

    /** Starts the domain (creating it first if needed), locks it down once, and applies the settings. */
    public void start(Map<String, String> systemProperties) throws IOException {
        create();
        asadmin(Duration.ofMinutes(3), "start-domain", domain);
        running = true;
        boolean restart = lockDown();
        Map<String, String> all = new java.util.TreeMap<>(SERVER_PROPERTIES);
        all.putAll(systemProperties);
        remote(Duration.ofMinutes(1), "create-system-properties", "--target", "server", asadminProperties(all));
        // the EAR's datasource takes its pool size from ${csms.db.pool-size}; full schema validation
        // refuses a property where the schema wants a number, "parsing" checks well-formedness only
        remote(Duration.ofMinutes(1), "set", DEPLOY_XML_VALIDATION + "=parsing");
        // the Domain Data Grid (Hazelcast) serves clustering, replicated web sessions and JCache, none
        // of which the CSMS uses (one node; its state is in PostgreSQL): off, it saves some 60 threads
        // and 30 MB (README, "The reference run: CPU per call and memory")
        String grid = "configs.config.server-config.hazelcast-config-specific-configuration.enabled";
        if (!remoteOutput(Duration.ofMinutes(1), "get", grid).contains("=false")) {
            remote(Duration.ofMinutes(1), "set-hazelcast-configuration", "--enabled=false");
            restart = true;
        }
        String ssl = "configs.config.server-config.network-config.protocols.protocol.http-listener-2.ssl.";
        if (clientCertificatesWanted
                && !remoteOutput(Duration.ofMinutes(1), "get", ssl + "client-auth")
                        .contains("=want")) {
            // ask in the initial handshake (TLS 1.3 has no renegotiation to ask later); the running
            // listener does not fully take the change, so the domain restarts once
            remote(Duration.ofMinutes(1), "set", ssl + "renegotiate-on-client-auth-want=false");
            remote(Duration.ofMinutes(1), "set", ssl + "client-auth=want");
            restart = true;
        }
        if (restart) {
            asadmin(Duration.ofMinutes(3), "restart-domain", domain);
            Files.writeString(domainDir().resolve(SECURED), "admin password set, listeners on 127.0.0.1 but HTTP(S)\n");
        }
    }

    /**
     * Nothing but the HTTP and HTTPS listeners faces the network (security review C0): the admin
     * listener, IIOP, JMX, the JMS broker, Hazelcast and the debugger listen on 127.0.0.1 only. The
     * admin password is required by then already. Also a JTA transaction timeout (60 s, review M8): a
     * transaction waiting on a database that went away ends instead of holding its thread for ever.
     * Done once per domain; true when the domain must restart for it (Payara applies none of these
     * live).
     */
    private boolean lockDown() {
        if (Files.exists(domainDir().resolve(SECURED))) {
            return false;
        }
        if (heapAtLockDown != null) {
            remoteOutput(Duration.ofMinutes(1), "list-jvm-options")
                    .lines()
                    .map(String::trim)
                    .filter(line -> line.startsWith("-Xmx"))
                    .forEach(current -> remote(Duration.ofMinutes(1), "delete-jvm-options", "--", current));
            remote(Duration.ofMinutes(1), "create-jvm-options", "--", "-Xmx" + heapAtLockDown);
        }
        String c = "configs.config.server-config.";
        remote(
                Duration.ofMinutes(1),
                "set",
                c + "network-config.network-listeners.network-listener.admin-listener.address=127.0.0.1");
        for (String iiop : new String[] {"orb-listener-1", "SSL", "SSL_MUTUALAUTH"}) {
            remote(Duration.ofMinutes(1), "set", c + "iiop-service.iiop-listener." + iiop + ".address=127.0.0.1");
        }
        remote(Duration.ofMinutes(1), "set", c + "admin-service.jmx-connector.system.address=127.0.0.1");
        remote(Duration.ofMinutes(1), "set", c + "jms-service.jms-host.default_JMS_host.host=127.0.0.1");
        remote(Duration.ofMinutes(1), "set", c + "jms-service.start-args=-Dimq.hostname=127.0.0.1");
        remote(
                Duration.ofMinutes(1),
                "set",
                c + "java-config.debug-options=-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:"
                        + (portBase + 9));
        remote(
                Duration.ofMinutes(1),
                "set-hazelcast-configuration",
                "--dasbindaddress=127.0.0.1",
                "--interfaces=127.0.0.1");
        remote(Duration.ofMinutes(1), "create-jvm-options", "-Dhazelcast.socket.bind.any=false");
        remote(Duration.ofMinutes(1), "set", c + "transaction-service.timeout-in-seconds=60");
        return true;
    }

    /** The pid of the domain's server process (its {@code config/pid} file), for a check of what it listens on. */
    public long pid() throws IOException {
        return Long.parseLong(
                Files.readString(domainDir().resolve("config/pid")).strip());
    }

    /**
     * Sizes the server for thousands of chargers, restarting the domain once if anything changed:
     * {@code httpThreads} HTTP workers (Payara's default of 5 caps the CSMS at what five concurrent
     * database transactions can do; WebSocket frames are handled on these threads) and the JVM
     * options {@code memory} (heap, metaspace, code cache, thread stacks: see the README for how
     * they were sized). An option replaces the domain's option of the same name ({@code -Xmx},
     * {@code -Xss}, {@code -XX:Name=}).
     */
    public void tune(int httpThreads, List<String> memory) {
        boolean changed = false;
        String pool = "configs.config.server-config.thread-pools.thread-pool.http-thread-pool.";
        if (!remoteOutput(Duration.ofMinutes(1), "get", pool + "max-thread-pool-size")
                .contains("=" + httpThreads)) {
            remote(Duration.ofMinutes(1), "set", pool + "max-thread-pool-size=" + httpThreads);
            remote(Duration.ofMinutes(1), "set", pool + "min-thread-pool-size=" + Math.min(httpThreads, 16));
            changed = true;
        }
        List<String> options = remoteOutput(Duration.ofMinutes(1), "list-jvm-options")
                .lines()
                .map(String::trim)
                .toList();
        for (String wanted : memory) {
            if (options.contains(wanted)) {
                continue;
            }
            String name = optionName(wanted);
            for (String current : options) {
                if (optionName(current).equals(name)) {
                    remote(Duration.ofMinutes(1), "delete-jvm-options", "--", escaped(current));
                }
            }
            remote(Duration.ofMinutes(1), "create-jvm-options", "--", escaped(wanted));
            changed = true;
        }
        if (changed) {
            asadmin(Duration.ofMinutes(3), "restart-domain", domain);
        }
    }

    /** What a JVM option sets: {@code -Xmx2g} sets {@code -Xmx}, {@code -XX:MaxMetaspaceSize=256m} its name. */
    static String optionName(String option) {
        if (option.startsWith("-XX:")) {
            int equals = option.indexOf('=');
            return equals < 0 ? option.replaceFirst("^-XX:[+-]", "-XX:") : option.substring(0, equals);
        }
        if (option.startsWith("-Xmx") || option.startsWith("-Xms") || option.startsWith("-Xss")) {
            return option.substring(0, 4);
        }
        return option;
    }

    /** asadmin reads a colon as a separator of options: each is written with a backslash before it. */
    private static String escaped(String option) {
        return option.replace(":", "\\:");
    }

    /**
     * Deploys (or redeploys) the EAR, once the web container answers: {@code start-domain} returns
     * before it is up, and a deployment that fails half-way leaves a broken application behind.
     */
    public void deploy(Path ear, String name) {
        Http.awaitAnswer(baseUrl() + "/", Duration.ofMinutes(2));
        // a fresh deployment each time: redeploying over a version whose deployment failed half-way
        // has left the application without its datasource
        if (remoteOutput(Duration.ofMinutes(1), "list-applications")
                .lines()
                .anyMatch(line -> line.startsWith(name + " "))) {
            remote(Duration.ofMinutes(2), "undeploy", name);
        }
        remote(Duration.ofMinutes(5), "deploy", "--name", name, ear.toString());
    }

    public void deleteSystemProperty(String name) {
        remote(Duration.ofMinutes(1), "delete-system-property", "--target", "server", name);
    }

    /** Waits until MicroProfile Health says ready (the database is reachable and migrated). */
    public void awaitReady(Duration timeout) {
        Http.awaitOk(baseUrl() + "/health/ready", timeout);
    }

    public void stop() {
        if (running) {
            asadmin(Duration.ofMinutes(2), "stop-domain", domain);
            running = false;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** asadmin's {@code name=value:name=value} syntax: colons and equals signs inside values are escaped. */
    static String asadminProperties(Map<String, String> properties) {
        return properties.entrySet().stream()
                .map(e -> e.getKey() + "="
                        + e.getValue().replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\="))
                .collect(Collectors.joining(":"));
    }

    private void remote(Duration timeout, String... args) {
        remoteOutput(timeout, args);
    }

    private String remoteOutput(Duration timeout, String... args) {
        List<String> withPort = new ArrayList<>(List.of(
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(adminPort()),
                "--user",
                "admin",
                "--passwordfile",
                passwordFile.toString()));
        withPort.addAll(List.of(args));
        return asadmin(timeout, withPort.toArray(String[]::new));
    }

    private String asadmin(Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/asadmin").toString());
        command.addAll(List.of(args));
        return Processes.run(command, Map.of("AS_JAVA", System.getProperty("java.home")), log, timeout);
    }
}
