package io.csms.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the CSMS finds its PostgreSQL. The application reads these as system properties
 * ({@code csms.db.*}, used by the datasource in csms-ejb's ejb-jar.xml); the run command and the
 * tests take them from the environment ({@code CSMS_DB_HOST}, ...) or from system properties.
 */
public record Database(String host, int port, String name, String user, String password, int poolSize) {

    /** The settings given from outside, or empty when none were (then the embedded database is used). */
    public static Optional<Database> configured() {
        return setting("host")
                .map(host -> new Database(
                        host,
                        Integer.parseInt(setting("port").orElse("5432")),
                        setting("name").orElse("csms"),
                        setting("user").orElse("csms"),
                        setting("password").orElse(""),
                        configuredPoolSize()));
    }

    /**
     * Connections the application keeps open (a fixed-size pool): {@code CSMS_DB_POOL_SIZE} or
     * {@code -Dcsms.db.pool-size}, 64 by default.
     */
    public static int configuredPoolSize() {
        int size = Integer.parseInt(setting("pool-size").orElse("64"));
        if (size < 1) {
            throw new IllegalArgumentException("csms.db.pool-size must be at least 1, was " + size);
        }
        return size;
    }

    /** The system properties the application's datasource is built from. */
    public Map<String, String> systemProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("csms.db.host", host);
        props.put("csms.db.port", Integer.toString(port));
        props.put("csms.db.name", name);
        props.put("csms.db.user", user);
        props.put("csms.db.password", password);
        props.put("csms.db.pool-size", Integer.toString(poolSize));
        return props;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    @Override
    public String toString() {
        return "Database[" + user + "@" + host + ":" + port + "/" + name + ", pool " + poolSize + "]";
    }

    private static Optional<String> setting(String key) {
        String value = System.getProperty("csms.db." + key);
        if (value == null) {
            value = System.getenv("CSMS_DB_" + key.toUpperCase().replace('-', '_'));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
