package io.uptake.gateway.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/** Real access tokens from the local Keycloak (realm uptake), cached per user for one test run. */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String realm() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    /** A person's token: a password grant on the public {@code uptake-cli} client (dev realm only). */
    public static String user(String user) {
        return CACHE.computeIfAbsent("user:" + user, key -> given()
                .formParam("grant_type", "password")
                .formParam("client_id", "uptake-cli")
                .formParam("username", user)
                .formParam("password", user)
                .when().post(realm() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token"));
    }

    /** The CRM connector's token: client credentials of {@code crm-ingest} (role ingest). */
    public static String ingestClient() {
        return CACHE.computeIfAbsent("client:crm-ingest", key -> given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "crm-ingest")
                .formParam("client_secret", "crm-ingest-secret")
                .when().post(realm() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token"));
    }
}
