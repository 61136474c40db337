package io.uptake.gateway.protection;

import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Who calls a write-key route, for its rate limit: the SHA-256 of the key in the HTTP Basic user name (the key itself
 * is not kept), else the caller's address (a key sent in the body, or none: the upstream refuses what it must).
 */
public final class WriteKeyCaller {

    private WriteKeyCaller() {}

    public static String of(HttpServerRequest request) {
        String user = basicUser(request.getHeader("Authorization"));
        return user != null
                ? sha256(user)
                : "address:" + request.remoteAddress().hostAddress();
    }

    /** Whether the request carries a write key as its HTTP Basic user name. */
    public static boolean presentsKey(HttpServerRequest request) {
        return basicUser(request.getHeader("Authorization")) != null;
    }

    static String basicUser(String authorization) {
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

    private static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
