package io.uptake.training.support;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/** Real access tokens from the local Keycloak: a password grant on the public {@code uptake-cli} client (inside Quarkus tests or outside). */
public final class KeycloakTokens {

    private KeycloakTokens() {
    }

    public static String accessToken(String user) {
        String realm = ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .orElse("http://localhost:" + System.getenv().getOrDefault("UPTAKE_KEYCLOAK_PORT", "8180") + "/realms/uptake");
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
