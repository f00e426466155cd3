package io.csms.it;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Access tokens for tests: signed with the key the server trusts, or deliberately wrong. */
public final class Tokens {

    private Tokens() {}

    public static String valid(String subject, String... groups) {
        return sign(
                claims(TestKeys.systemProperties().get("csms.jwt.issuer"), subject, 300, groups),
                TestKeys.signingKey());
    }

    /** A valid token for another audience (none): tokens of other services signed by the same issuer. */
    public static String withoutAudience(String subject, String... groups) {
        JwtClaims claims = claims(TestKeys.systemProperties().get("csms.jwt.issuer"), subject, 300, groups);
        claims.unsetClaim("aud");
        return sign(claims, TestKeys.signingKey());
    }

    /** A valid token from a login with the password only (amr pwd), as an operator without a second factor gets. */
    public static String passwordOnly(String subject, String... groups) {
        JwtClaims claims = claims(TestKeys.systemProperties().get("csms.jwt.issuer"), subject, 300, groups);
        claims.setStringListClaim("amr", List.of("pwd"));
        return sign(claims, TestKeys.signingKey());
    }

    public static String expired(String subject, String... groups) {
        return sign(
                claims(TestKeys.systemProperties().get("csms.jwt.issuer"), subject, -120, groups),
                TestKeys.signingKey());
    }

    public static String wrongIssuer(String subject, String... groups) {
        return sign(claims("https://evil.example/issuer", subject, 300, groups), TestKeys.signingKey());
    }

    public static String signedByAnotherKey(String subject, String... groups) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(
                    claims(TestKeys.systemProperties().get("csms.jwt.issuer"), subject, 300, groups),
                    generator.generateKeyPair().getPrivate());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaims claims(String issuer, String subject, int lifetimeSeconds, String... groups) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience("csms");
        claims.setSubject(subject);
        // as a login with the second factor: operator tokens need it in production (csms.admin.require-mfa)
        claims.setStringListClaim("amr", List.of("pwd", "otp"));
        claims.setClaim("upn", subject + "@test.csms");
        claims.setStringListClaim("groups", List.of(groups));
        claims.setJwtId(UUID.randomUUID().toString());
        long now = System.currentTimeMillis() / 1000;
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(now - (lifetimeSeconds < 0 ? 600 : 0)));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(now + lifetimeSeconds));
        return claims;
    }

    private static String sign(JwtClaims claims, PrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
