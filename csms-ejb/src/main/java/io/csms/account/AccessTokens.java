package io.csms.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Issues the RS256 access tokens MP-JWT verifies: {@code iss}, {@code sub} (the account id),
 * {@code upn} (its email), {@code groups} (its roles), {@code iat}, {@code exp}, {@code jti}. The
 * private key is a PKCS#8 PEM file named by {@code csms.jwt.signing-key.location}; its public half is
 * what {@code mp.jwt.verify.publickey} must hold.
 */
@ApplicationScoped
public class AccessTokens {

    @Inject
    @ConfigProperty(name = "csms.jwt.issuer", defaultValue = "https://csms.local/issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "csms.jwt.signing-key.location")
    Optional<String> keyLocation;

    /** Seconds an access token is valid. */
    @Inject
    @ConfigProperty(name = "csms.jwt.access-token-lifetime", defaultValue = "900")
    long lifetime;

    private volatile PrivateKey key;

    public record Issued(String token, long expiresIn) {}

    /** The audience of every access token the CSMS issues, and the one MP-JWT requires ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "csms";

    /**
     * An access token for {@code account} with the roles {@code groups}. {@code amr} (RFC 8176)
     * says how the login was proven: {@code pwd}, and {@code otp} when the second factor was given.
     */
    public Issued issue(Account account, List<String> groups, boolean secondFactor) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(AUDIENCE);
        claims.setSubject(account.id().toString());
        claims.setClaim("upn", account.email());
        claims.setStringListClaim("groups", List.copyOf(groups));
        claims.setStringListClaim("amr", secondFactor ? List.of("pwd", "otp") : List.of("pwd"));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetime / 60f);
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return new Issued(jws.getCompactSerialization(), lifetime);
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
    }

    private PrivateKey signingKey() {
        PrivateKey loaded = key;
        if (loaded == null) {
            String location = keyLocation.orElseThrow(() -> new IllegalStateException(
                    "csms.jwt.signing-key.location is not set: the CSMS cannot issue access tokens"));
            try {
                String pem = read(location);
                byte[] der = Base64.getDecoder()
                        .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
                loaded = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("Cannot read the token signing key from " + location, e);
            }
            key = loaded;
        }
        return loaded;
    }

    /** A file path or {@code file:} URL: a signing key is never fetched over the network (review L7). */
    private static String read(String location) throws IOException {
        if (location.startsWith("file:")) {
            try (InputStream in = URI.create(location).toURL().openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        }
        return Files.readString(Path.of(location), StandardCharsets.US_ASCII);
    }
}
