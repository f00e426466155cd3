package io.csms.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A WildFly 39 server (full distribution, {@code standalone.xml}) prepared with {@code csms.cli} and
 * started with the CSMS's settings as a system-properties file (so no password shows in {@code ps}).
 */
public final class WildFlyServer implements AutoCloseable {

    private final Path home;
    private final int portOffset;
    private final Path log;
    private Process process;

    /** @param home the {@code wildfly-39.x} folder of an unpacked distribution */
    public WildFlyServer(Path home, int portOffset, Path log) {
        this.home = home;
        this.portOffset = portOffset;
        this.log = log;
    }

    public int httpPort() {
        return 8080 + portOffset;
    }

    public int managementPort() {
        return 9990 + portOffset;
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort();
    }

    public int httpsPort() {
        return 8443 + portOffset;
    }

    /** MicroProfile Health lives on WildFly's management interface. */
    public String healthUrl() {
        return "http://localhost:" + managementPort() + "/health";
    }

    /**
     * Applies {@code wildfly/csms.cli} and {@code wildfly/csms-tls.cli} offline, once per server (see
     * {@link #provision}).
     */
    public void configure(Map<String, String> settings) throws IOException {
        Path marker = marker(home);
        String script = script();
        if (Files.exists(marker)) {
            return;
        }
        Path configuring = home.resolve("standalone/configuration/.csms-configuring");
        Files.writeString(configuring, "started");
        Path file = Files.createTempFile("csms", ".cli");
        Files.writeString(
                file,
                "embed-server --std-out=discard --server-config=standalone.xml\n" + script + "stop-embedded-server\n");
        // the embedded server resolves expressions when they are added: it needs the settings they name
        List<String> command =
                new ArrayList<>(List.of(home.resolve("bin/jboss-cli.sh").toString()));
        settings.forEach((name, value) -> {
            if (name.startsWith("csms.tls.")) {
                command.add("-D" + name + "=" + value);
            }
        });
        command.add("--file=" + file);
        Processes.run(command, env(), log, Duration.ofMinutes(3));
        Files.delete(file);
        Files.writeString(marker, sha256(script));
        Files.delete(configuring);
    }

    public void start(Map<String, String> systemProperties) throws IOException {
        Properties props = new Properties();
        props.putAll(systemProperties);
        Path propsFile = home.resolve("standalone/configuration/csms.properties");
        try (var out = Files.newBufferedWriter(propsFile)) {
            props.store(out, "CSMS settings (written by the run tooling)");
        }
        Files.setPosixFilePermissions(propsFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/standalone.sh").toString(),
                "-c",
                "standalone.xml",
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "--properties=" + propsFile.toUri()));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env());
        process = builder.start();
        Http.awaitOk(healthUrl() + "/live", Duration.ofMinutes(2));
    }

    /** The pid of the server's JVM (the child of standalone.sh), for a check of what it listens on. */
    public long pid() {
        return process.toHandle()
                .descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst()
                .map(ProcessHandle::pid)
                .orElseThrow(() -> new IllegalStateException("No WildFly JVM under " + process.pid()));
    }

    public void stop() {
        if (process == null) {
            return;
        }
        try {
            Processes.run(
                    List.of(
                            home.resolve("bin/jboss-cli.sh").toString(),
                            "--connect",
                            "--controller=localhost:" + managementPort(),
                            "--command=shutdown"),
                    env(),
                    log,
                    Duration.ofMinutes(1));
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (IllegalStateException e) {
            process.destroyForcibly();
        } finally {
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Unpacks the distribution zip into {@code parent} unless it was unpacked before; returns its home.
     * A server configured with other scripts, or whose configuration was interrupted, is unpacked
     * afresh: the scripts are not idempotent, and a half-done configuration is worse than a new server.
     */
    public static Path provision(Path zip, Path parent, String folder) throws IOException {
        Path home = parent.resolve(folder);
        Path marker = marker(home);
        boolean interrupted = Files.exists(home.resolve("standalone/configuration/.csms-configuring"));
        if (interrupted || Files.exists(marker) && !Files.readString(marker).equals(sha256(script()))) {
            try (var paths = Files.walk(home)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Zips.unpackOnce(zip, parent, home.resolve("bin/standalone.sh"));
        return home;
    }

    private static Path marker(Path home) {
        return home.resolve("standalone/configuration/.csms-configured");
    }

    private static String script() throws IOException {
        StringBuilder script = new StringBuilder();
        for (String name : new String[] {"/wildfly/csms.cli", "/wildfly/csms-tls.cli"}) {
            try (InputStream in = WildFlyServer.class.getResourceAsStream(name)) {
                script.append(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .append('\n');
            }
        }
        return script.toString();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> env() {
        return Map.of("JAVA_HOME", System.getProperty("java.home"), "LAUNCH_JBOSS_IN_BACKGROUND", "true");
    }
}
