package io.uptake.gateway.support;

import static io.restassured.RestAssured.given;

import io.uptake.testsupport.LocalInfrastructure;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Tokens the gateway must refuse: the claims of a real token of the realm, signed with a key generated
 * here (never the realm's), optionally under the realm's own key id, or the issuer of another realm.
 */
public final class ForgedTokens {

    private static final KeyPair KEYS = generate();

    private ForgedTokens() {}

    /** Claims of a real admin token, the realm's key id in the header, signed with a foreign key. */
    public static String badSignature() {
        return sign(
                realmKeyId(),
                claims(LocalInfrastructure.realmUrl(), Instant.now().plusSeconds(600)));
    }

    /** A token of another realm (issuer {@code /realms/other}), signed with that realm's (foreign) key. */
    public static String otherRealm() {
        return sign(
                "other-realm-key",
                claims(
                        LocalInfrastructure.realmUrl().replace("/realms/uptake", "/realms/other"),
                        Instant.now().plusSeconds(600)));
    }

    private static String claims(String issuer, Instant expiry) {
        long exp = expiry.getEpochSecond();
        return "{\"iss\":\"" + issuer + "\",\"sub\":\"f0000000-0000-0000-0000-000000000001\",\"typ\":\"Bearer\","
                + "\"azp\":\"uptake-cli\",\"preferred_username\":\"adam\",\"realm_access\":{\"roles\":[\"admin\",\"employee\"]},"
                + "\"iat\":" + (exp - 900) + ",\"exp\":" + exp + "}";
    }

    private static String realmKeyId() {
        List<String> kids = given().when()
                .get(LocalInfrastructure.realmUrl() + "/protocol/openid-connect/certs")
                .then()
                .statusCode(200)
                .extract()
                .path("keys.findAll { it.use == 'sig' && it.alg == 'RS256' }.kid");
        return kids.getFirst();
    }

    private static String sign(String keyId, String claims) {
        return sign(KEYS.getPrivate(), keyId, claims);
    }

    private static String sign(PrivateKey key, String keyId, String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}";
        String signingInput = base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
