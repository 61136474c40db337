package io.uptake.metrics.action;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalogue's access rules, proven with real tokens from the local Keycloak. */
@QuarkusTest
class ActionResourceTest {

    private static final String EMPLOYEE = "alice";
    private static final String ADMIN = "adam";
    private static final String PROBLEM_JSON = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void withoutATokenTheCatalogueIsClosed() {
        given().when().get("/api/metrics/actions").then().statusCode(401);
    }

    @Test
    void aSignedInEmployeeReadsTheCatalogue() {
        given().auth()
                .oauth2(accessToken(EMPLOYEE))
                .when()
                .get("/api/metrics/actions")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("total", greaterThanOrEqualTo(10))
                .body("items.size()", greaterThanOrEqualTo(10));
    }

    @Test
    void aSeededEntryIsReadByItsCode() {
        given().auth()
                .oauth2(accessToken(EMPLOYEE))
                .when()
                .get("/api/metrics/actions/login")
                .then()
                .statusCode(200)
                .body("name", equalTo("Signed in"));
    }

    @Test
    void anEmployeeMayNotChangeTheCatalogue() {
        given().auth()
                .oauth2(accessToken(EMPLOYEE))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Not allowed\"}")
                .when()
                .put("/api/metrics/actions/quote.sent")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(403));
    }

    @Test
    void anAdminAddsAnActionThenRenamesIt() {
        String code = "quote.sent-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = accessToken(ADMIN);

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Quote sent\",\"description\":\"A quote left the CRM\"}")
                .when()
                .put("/api/metrics/actions/" + code)
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/metrics/actions/" + code))
                .body("code", equalTo(code))
                .body("name", equalTo("Quote sent"));

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Quote e-mailed\"}")
                .when()
                .put("/api/metrics/actions/" + code)
                .then()
                .statusCode(200)
                .body("name", equalTo("Quote e-mailed"));

        given().auth()
                .oauth2(accessToken(EMPLOYEE))
                .when()
                .get("/api/metrics/actions/" + code)
                .then()
                .statusCode(200)
                .body("name", equalTo("Quote e-mailed"));
    }

    @Test
    void aBlankNameIsRejectedNamingTheField() {
        given().auth()
                .oauth2(accessToken(ADMIN))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"  \"}")
                .when()
                .put("/api/metrics/actions/quote.blank")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("errors.field", hasItem("name"));

        given().auth()
                .oauth2(accessToken(ADMIN))
                .when()
                .get("/api/metrics/actions/quote.blank")
                .then()
                .statusCode(404)
                .header("Cache-Control", "no-store")
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aMalformedCodeIsRejectedNamingTheField() {
        given().auth()
                .oauth2(accessToken(ADMIN))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Shouting\"}")
                .when()
                .put("/api/metrics/actions/NOT A CODE")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("code"));
    }

    @Test
    void aBodyThatIsNotJsonIsA400Problem() {
        given().auth()
                .oauth2(accessToken(ADMIN))
                .contentType(ContentType.JSON)
                .body("{\"name\":")
                .when()
                .put("/api/metrics/actions/quote.broken")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
    }
}
