package io.uptake.feedback.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a delivery, written here from the Standard Webhooks specification and
 * independent of the service's code: the key is the base64 after {@code whsec_}; the signed content
 * is {@code id.timestamp.body}; the header holds space-separated {@code v1,<base64>} signatures, any
 * one of which may match; the timestamp must be within five minutes.
 */
public final class StandardWebhooksVerifier {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooksVerifier() {}

    public static boolean verifies(String secret, String id, String timestamp, String body, String header) {
        if (secret == null || id == null || timestamp == null || header == null || !secret.startsWith("whsec_")) {
            return false;
        }
        long sent = Long.parseLong(timestamp);
        if (Math.abs(Instant.now().getEpochSecond() - sent) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected =
                hmac(Base64.getDecoder().decode(secret.substring("whsec_".length())), id + "." + sent + "." + body);
        for (String signature : header.split(" ")) {
            String[] versioned = signature.split(",", 2);
            if (versioned.length == 2
                    && versioned[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(versioned[1]))) {
                return true;
            }
        }
        return false;
    }

    static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
