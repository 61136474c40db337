package io.uptake.metrics.writekey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** How write keys are made and kept: 32 random bytes, shown once; only their SHA-256 is stored and compared. */
public final class WriteKeys {

    static final String PREFIX = "uwk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WriteKeys() {}

    /** A new key, such as {@code uwk_3q2+…}: URL-safe, so that it can stand in a Basic user name as is. */
    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The key a request presents as its HTTP Basic user name (the password is empty), or null. */
    public static String fromBasic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            String user = colon < 0 ? pair : pair.substring(0, colon);
            return user.isBlank() ? null : user;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** The stored form of a key. */
    public static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
