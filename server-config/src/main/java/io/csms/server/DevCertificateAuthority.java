package io.csms.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSMS CA of a development system or a test run: a PKCS#12 key store made with the JDK's keytool
 * at first start (RSA 3072, 10 years), password kept owner-only beside it, and a trust store holding
 * just its certificate. It signs chargers' CSRs and anchors security-profile-3 client certificates.
 * Production operators bring their own.
 */
public record DevCertificateAuthority(Path keystore, String password, Path truststore) {

    public static final String ALIAS = "csms-ca";

    public static DevCertificateAuthority ensure(Path dir, Path log) throws IOException {
        Files.createDirectories(dir);
        Path keystore = dir.resolve("csms-ca.p12");
        Path passwordFile = dir.resolve("csms-ca.password");
        if (!Files.exists(keystore)) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Files.writeString(passwordFile, password);
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            Processes.run(
                    List.of(
                            keytool(),
                            "-genkeypair",
                            "-alias",
                            ALIAS,
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "3072",
                            "-sigalg",
                            "SHA256withRSA",
                            "-dname",
                            "CN=CSMS Development CA",
                            "-ext",
                            "bc:c",
                            "-ext",
                            "ku:c=keyCertSign,cRLSign",
                            "-validity",
                            "3650",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            keystore.toString(),
                            "-storepass:env",
                            "CSMS_CA_PASSWORD"),
                    Map.of("CSMS_CA_PASSWORD", password),
                    log,
                    Duration.ofMinutes(1));
            Files.setPosixFilePermissions(keystore, PosixFilePermissions.fromString("rw-------"));
        }
        String password = Files.readString(passwordFile).trim();
        Path truststore = dir.resolve("csms-ca-trust.p12");
        if (!Files.exists(truststore)) {
            Path pem = dir.resolve("csms-ca.pem");
            Map<String, String> env = Map.of("CSMS_CA_PASSWORD", password);
            Processes.run(
                    List.of(
                            keytool(),
                            "-exportcert",
                            "-rfc",
                            "-alias",
                            ALIAS,
                            "-keystore",
                            keystore.toString(),
                            "-storepass:env",
                            "CSMS_CA_PASSWORD",
                            "-file",
                            pem.toString()),
                    env,
                    log,
                    Duration.ofMinutes(1));
            Processes.run(
                    List.of(
                            keytool(),
                            "-importcert",
                            "-noprompt",
                            "-alias",
                            ALIAS,
                            "-file",
                            pem.toString(),
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            truststore.toString(),
                            "-storepass:env",
                            "CSMS_CA_PASSWORD"),
                    env,
                    log,
                    Duration.ofMinutes(1));
        }
        return new DevCertificateAuthority(keystore, password, truststore);
    }

    /** The settings the application's CertificateAuthority reads. */
    public Map<String, String> systemProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("csms.ca.keystore", keystore.toAbsolutePath().toString());
        props.put("csms.ca.password", password);
        props.put("csms.ca.alias", ALIAS);
        // WildFly's csms-tls.cli trusts client certificates from this store (expressions resolved by the server)
        props.put("csms.tls.truststore", truststore.toAbsolutePath().toString());
        props.put("csms.tls.truststore.password", password);
        return props;
    }

    static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }
}
