package io.uptake.training.skill;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The skill catalogue's access rules, proven with real tokens from the local Keycloak. */
@QuarkusTest
class SkillResourceTest {

    private static final String EMPLOYEE = "alice";
    private static final String HR = "hana";
    private static final String PROBLEM_JSON = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String newCode() {
        return "pipeline-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void withoutATokenTheCatalogueIsClosed() {
        given().when().get("/api/training/skills").then().statusCode(401);
    }

    @Test
    void anEmployeeMayNotAddSkills() {
        given().auth()
                .oauth2(accessToken(EMPLOYEE))
                .contentType(ContentType.JSON)
                .body("{\"code\":\"" + newCode() + "\",\"name\":\"Pipeline\"}")
                .when()
                .post("/api/training/skills")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(403));
    }

    @Test
    void hrAddsASkillThatEveryoneCanRead() {
        String code = newCode();
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"Pipeline management\"}")
                .when()
                .post("/api/training/skills")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/training/skills/" + code))
                .body("code", equalTo(code))
                .body("name", equalTo("Pipeline management"));

        given().auth()
                .oauth2(accessToken(EMPLOYEE))
                .when()
                .get("/api/training/skills/" + code)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("name", equalTo("Pipeline management"));

        given().auth()
                .oauth2(accessToken(EMPLOYEE))
                .queryParam("size", 1)
                .when()
                .get("/api/training/skills")
                .then()
                .statusCode(200)
                .body("size", equalTo(1))
                .body("items.size()", equalTo(1))
                .body("total", greaterThanOrEqualTo(1));
    }

    @Test
    void aTakenCodeIsAConflictAndKeepsTheFirstDefinition() {
        String code = newCode();
        String hr = accessToken(HR);
        given().auth()
                .oauth2(hr)
                .contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"First\"}")
                .when()
                .post("/api/training/skills")
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(hr)
                .contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"Second\"}")
                .when()
                .post("/api/training/skills")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON);

        given().auth()
                .oauth2(hr)
                .when()
                .get("/api/training/skills/" + code)
                .then()
                .statusCode(200)
                .body("name", equalTo("First"));
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsWritten() {
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body("{\"code\":\"Not A Code\",\"name\":\"\"}")
                .when()
                .post("/api/training/skills")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("name"));

        given().auth()
                .oauth2(accessToken(HR))
                .when()
                .get("/api/training/skills/Not A Code")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aBodyThatIsNotJsonIsA400Problem() {
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body("[1,2")
                .when()
                .post("/api/training/skills")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aPageSizeOutOfRangeIsRejected() {
        given().auth()
                .oauth2(accessToken(EMPLOYEE))
                .queryParam("size", 0)
                .when()
                .get("/api/training/skills")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("size"));
    }
}
