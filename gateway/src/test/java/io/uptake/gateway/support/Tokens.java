package io.uptake.gateway.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/** Real access tokens from the local Keycloak (realm uptake), cached per user for one test run. */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {}

    public static String realm() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    /** A person's token: a password grant on the public {@code uptake-cli} client (dev realm only). */
    public static String user(String user) {
        return CACHE.computeIfAbsent("user:" + user, key -> passwordGrant("uptake-cli", user));
    }

    private static String passwordGrant(String client, String user) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", client)
                .formParam("username", user)
                .formParam("password", user)
                .when()
                .post(realm() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** The CRM connector's token: client credentials of {@code crm-ingest} (role ingest). */
    public static String ingestClient() {
        return CACHE.computeIfAbsent(
                "client:crm-ingest",
                key -> given().formParam("grant_type", "client_credentials")
                        .formParam("client_id", "crm-ingest")
                        .formParam("client_secret", "crm-ingest-secret")
                        .when()
                        .post(realm() + "/protocol/openid-connect/token")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("access_token"));
    }

    /** A real token of the realm with its expiry ({@code exp}). */
    public record ShortLived(String token, Instant expiresAt) {}

    /**
     * A person's token, signed by the realm, that lives only {@code seconds}: issued to a client made
     * for it through the admin API of the local Keycloak (its bootstrap admin, dev only), which is
     * deleted again at once. The token stays verifiable: the realm's key signed it.
     */
    public static ShortLived shortLived(String user, int seconds) {
        String keycloak = keycloak();
        String admin = keycloakAdmin();
        String clientId = "expiry-probe-" + UUID.randomUUID();
        String client = given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of(
                        "clientId",
                        clientId,
                        "publicClient",
                        true,
                        "directAccessGrantsEnabled",
                        true,
                        "defaultClientScopes",
                        List.of("basic", "roles", "profile", "uptake-organisation", "uptake-api"),
                        "attributes",
                        Map.of("access.token.lifespan", String.valueOf(seconds))))
                .when()
                .post(keycloak + "/admin/realms/uptake/clients")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        try {
            String token = passwordGrant(clientId, user);
            String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            long exp = Long.parseLong(claims.replaceAll(".*\"exp\":(\\d+).*", "$1"));
            return new ShortLived(token, Instant.ofEpochSecond(exp));
        } finally {
            given().auth().oauth2(admin).when().delete(client).then().statusCode(204);
        }
    }

    /**
     * A person's real token, signed by the realm, but issued to the realm's built-in {@code admin-cli}
     * client: it lacks the {@code uptake-api} audience, so every service must refuse it.
     */
    public static String otherClient(String user) {
        return passwordGrant("admin-cli", user);
    }

    /** The local Keycloak's base URL (without the realm). */
    public static String keycloak() {
        return realm().substring(0, realm().indexOf("/realms/"));
    }

    /** A token of the local Keycloak's bootstrap admin (dev only), for its admin API. */
    public static String keycloakAdmin() {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", "admin")
                .when()
                .post(keycloak() + "/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
