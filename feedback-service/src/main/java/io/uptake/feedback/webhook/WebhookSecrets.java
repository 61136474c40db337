package io.uptake.feedback.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook secrets: made here ({@code whsec_} and 32 random bytes in base64, the Standard Webhooks
 * form), and kept in the database only encrypted with AES-256-GCM under the service's key
 * ({@code enc:v1:} and base64 of nonce and ciphertext).
 */
public final class WebhookSecrets {

    private static final String PREFIX = "whsec_";
    private static final String SEALED = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param base64Key 32 bytes in base64 ({@code uptake.webhooks.secret-key}) */
    public WebhookSecrets(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("uptake.webhooks.secret-key must be 32 bytes in base64", notBase64);
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(
                    "uptake.webhooks.secret-key must be 32 bytes in base64, not " + bytes.length + " bytes");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** A new secret, to be shown once to the admin who asked for it. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The HMAC key a secret stands for: the bytes after {@code whsec_}, or a legacy secret's UTF-8 bytes. */
    public static byte[] signingKey(String secret) {
        return secret.startsWith(PREFIX)
                ? Base64.getDecoder().decode(secret.substring(PREFIX.length()))
                : secret.getBytes(StandardCharsets.UTF_8);
    }

    public static boolean isSealed(String stored) {
        return stored.startsWith(SEALED);
    }

    public String seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] ciphertext = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return SEALED
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(NONCE_BYTES + ciphertext.length)
                                    .put(nonce)
                                    .put(ciphertext)
                                    .array());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES-GCM is part of every JDK", impossible);
        }
    }

    /** The secret a sealed value holds; fails when it was sealed under another key or altered. */
    public String open(String stored) {
        if (!isSealed(stored)) {
            throw new IllegalArgumentException("not a sealed webhook secret");
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(SEALED.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException wrongKeyOrAltered) {
            throw new IllegalStateException("a webhook secret cannot be opened with uptake.webhooks.secret-key");
        }
    }
}
