package io.uptake.metrics.support;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/** Real access tokens from the local Keycloak: a password grant on the public {@code uptake-cli} client. */
public final class KeycloakTokens {

    private KeycloakTokens() {
    }

    /** The CRM connector's token: client credentials of the confidential {@code crm-ingest} client (role ingest). */
    public static String connectorToken() {
        return given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "crm-ingest")
                .formParam("client_secret", "crm-ingest-secret")
                .when().post(realm() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    private static String realm() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    public static String accessToken(String user) {
        String realm = realm();
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "uptake-cli")
                .formParam("username", user)
                .formParam("password", user)
                .when().post(realm + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
