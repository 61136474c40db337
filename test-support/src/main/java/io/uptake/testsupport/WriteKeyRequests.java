package io.uptake.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Write keys made by the admin (adam) through {@code POST /api/metrics/write-keys}, at RestAssured's address. */
public final class WriteKeyRequests {

    private WriteKeyRequests() {}

    /** Asks for a write key with these settings (a map or a JSON text); the answer, to check. */
    public static ValidatableResponse make(Object settings) {
        return given().auth()
                .oauth2(KeycloakTokens.cachedAccessToken("adam"))
                .contentType(ContentType.JSON)
                .body(settings)
                .when()
                .post("/api/metrics/write-keys")
                .then();
    }

    /** A new write key with these settings: the key itself, shown this once. */
    public static String key(Object settings) {
        return make(settings).statusCode(201).extract().path("key");
    }
}
