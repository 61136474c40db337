package io.uptake.feedback.area;

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

/** The feedback areas' access rules, proven with real tokens from the local Keycloak. */
@QuarkusTest
class AreaResourceTest {

    private static final String EMPLOYEE = "alice";
    private static final String ADMIN = "adam";
    private static final String PROBLEM_JSON = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void withoutATokenTheCatalogueIsClosed() {
        given().when().get("/api/feedback/areas").then().statusCode(401);
    }

    @Test
    void aSignedInEmployeeReadsTheCatalogue() {
        given().auth()
                .oauth2(accessToken(EMPLOYEE))
                .when()
                .get("/api/feedback/areas")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("total", greaterThanOrEqualTo(8))
                .body("items.size()", greaterThanOrEqualTo(8));
    }

    @Test
    void aSeededEntryIsReadByItsCode() {
        given().auth()
                .oauth2(accessToken(EMPLOYEE))
                .when()
                .get("/api/feedback/areas/reports")
                .then()
                .statusCode(200)
                .body("name", equalTo("Reports and dashboards"));
    }

    @Test
    void anEmployeeMayNotChangeTheCatalogue() {
        given().auth()
                .oauth2(accessToken(EMPLOYEE))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Not allowed\"}")
                .when()
                .put("/api/feedback/areas/mobile.offline")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(403));
    }

    @Test
    void anAdminAddsAnAreaThenRenamesIt() {
        String code = "mobile.offline-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = accessToken(ADMIN);

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Mobile offline\",\"description\":\"Working without a connection\"}")
                .when()
                .put("/api/feedback/areas/" + code)
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/feedback/areas/" + code))
                .body("code", equalTo(code))
                .body("name", equalTo("Mobile offline"));

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Mobile offline mode\"}")
                .when()
                .put("/api/feedback/areas/" + code)
                .then()
                .statusCode(200)
                .body("name", equalTo("Mobile offline mode"));

        given().auth()
                .oauth2(accessToken(EMPLOYEE))
                .when()
                .get("/api/feedback/areas/" + code)
                .then()
                .statusCode(200)
                .body("name", equalTo("Mobile offline mode"));
    }

    @Test
    void aBlankNameIsRejectedNamingTheField() {
        given().auth()
                .oauth2(accessToken(ADMIN))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"  \"}")
                .when()
                .put("/api/feedback/areas/mobile.blank")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("errors.field", hasItem("name"));

        given().auth()
                .oauth2(accessToken(ADMIN))
                .when()
                .get("/api/feedback/areas/mobile.blank")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aMalformedCodeIsRejectedNamingTheField() {
        given().auth()
                .oauth2(accessToken(ADMIN))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Shouting\"}")
                .when()
                .put("/api/feedback/areas/NOT A CODE")
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
                .put("/api/feedback/areas/mobile.broken")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
    }
}
