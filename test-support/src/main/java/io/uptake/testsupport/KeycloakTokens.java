package io.uptake.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real access tokens from the local Keycloak (inside Quarkus tests or outside): a password grant on
 * the public {@code uptake-cli} client (dev users' password is their name), the CRM connector's
 * client credentials, a token of another client, a short-lived token; the one token helper of every
 * module's tests.
 */
public final class KeycloakTokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private KeycloakTokens() {}

    /** A fresh token of the person (a password grant on {@code uptake-cli}). */
    public static String accessToken(String user) {
        return passwordGrant("uptake-cli", user);
    }

    /** The person's token, fetched once per test JVM (tokens live longer than a module's tests). */
    public static String cachedAccessToken(String user) {
        return CACHE.computeIfAbsent("user:" + user, key -> accessToken(user));
    }

    /** The CRM connector's token: client credentials of the confidential {@code crm-ingest} client (role ingest). */
    public static String connectorToken() {
        return token(
                LocalInfrastructure.realmUrl(),
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        "crm-ingest",
                        "client_secret",
                        "crm-ingest-secret"));
    }

    /**
     * A directory's token: client credentials of the confidential {@code scim-provisioner} client (role
     * provisioning), fetched once per test JVM.
     */
    public static String cachedProvisionerToken() {
        return CACHE.computeIfAbsent(
                "client:scim-provisioner",
                key -> token(
                        LocalInfrastructure.realmUrl(),
                        Map.of(
                                "grant_type",
                                "client_credentials",
                                "client_id",
                                "scim-provisioner",
                                "client_secret",
                                "scim-provisioner-secret")));
    }

    /** The connector's token, fetched once per test JVM. */
    public static String cachedConnectorToken() {
        return CACHE.computeIfAbsent("client:crm-ingest", key -> connectorToken());
    }

    /**
     * A person's real token, signed by the realm, but issued to the realm's built-in {@code admin-cli}
     * client: it lacks the {@code uptake-api} audience, so every service must refuse it.
     */
    public static String otherClient(String user) {
        return passwordGrant("admin-cli", user);
    }

    /** A real token of the realm with its expiry ({@code exp}). */
    public record ShortLived(String token, Instant expiresAt) {}

    /**
     * A person's token, signed by the realm, that lives only {@code seconds}: issued to a client made
     * for it through the admin API of the local Keycloak (its bootstrap admin, dev only), which is
     * deleted again at once. The token stays verifiable: the realm's key signed it.
     */
    public static ShortLived shortLived(String user, int seconds) {
        String admin = keycloakAdmin();
        String clientId = "expiry-probe-" + UUID.randomUUID();
        String client = """
                {"clientId": "%s", "publicClient": true, "directAccessGrantsEnabled": true,
                 "defaultClientScopes": ["basic", "roles", "profile", "uptake-organisation", "uptake-api"],
                 "attributes": {"access.token.lifespan": "%d"}}""".formatted(clientId, seconds);
        HttpResponse<String> created =
                send(HttpRequest.newBuilder(URI.create(keycloak() + "/admin/realms/uptake/clients"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(client))
                        .build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "Keycloak did not make the client: " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        try {
            String token = passwordGrant(clientId, user);
            String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            Matcher exp = EXPIRES.matcher(claims);
            if (!exp.find()) {
                throw new IllegalStateException("A token without exp: " + claims);
            }
            return new ShortLived(token, Instant.ofEpochSecond(Long.parseLong(exp.group(1))));
        } finally {
            HttpResponse<String> deleted = send(HttpRequest.newBuilder(URI.create(location))
                    .header("Authorization", "Bearer " + admin)
                    .DELETE()
                    .build());
            if (deleted.statusCode() != 204) {
                throw new IllegalStateException("Keycloak kept the probe client: " + deleted.statusCode());
            }
        }
    }

    /** The local Keycloak's base URL (without the realm). */
    public static String keycloak() {
        String realm = LocalInfrastructure.realmUrl();
        return realm.substring(0, realm.indexOf("/realms/"));
    }

    /** A token of the local Keycloak's bootstrap admin (dev only), for its admin API. */
    public static String keycloakAdmin() {
        return token(
                keycloak() + "/realms/master",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
    }

    private static String passwordGrant(String client, String user) {
        return token(
                LocalInfrastructure.realmUrl(),
                Map.of("grant_type", "password", "client_id", client, "username", user, "password", user));
    }

    private static String token(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No token from Keycloak: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
