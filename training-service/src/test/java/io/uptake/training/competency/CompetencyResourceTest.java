package io.uptake.training.competency;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.training.support.Catalogue.HR;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.uptake.training.support.Catalogue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The competency matrix: a manager reads their own unit only, HR any; weak skills are named. */
@QuarkusTest
class CompetencyResourceTest {

    private static final String UNIT = "Sales EMEA";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aManagerSeesWhoInTheirUnitNeedsTrainingOnWhat() {
        String skill = Catalogue.skill();
        Catalogue.single(skill, 2);
        Catalogue.policy(UNIT, 70, "ELEARNING", 14);
        String testId = Catalogue.test(Map.of(skill, 1), 70, 0, List.of());
        String attempt = given().auth()
                .oauth2(accessToken("bob"))
                .when()
                .post("/api/training/tests/" + testId + "/attempts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(accessToken("bob"))
                .when()
                .post("/api/training/attempts/" + attempt + "/submit")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(accessToken("mark"))
                .queryParam("skill", skill)
                .when()
                .get("/api/training/competency")
                .then()
                .statusCode(200)
                .body("businessUnit", equalTo(UNIT))
                .body("skills", contains(skill))
                .body("people.userId", contains("bob"))
                .body("people[0].scores." + skill, equalTo(0))
                .body("people[0].needsTraining", contains(skill));
        given().auth()
                .oauth2(accessToken(HR))
                .queryParam("businessUnit", UNIT)
                .queryParam("skill", skill)
                .when()
                .get("/api/training/competency")
                .then()
                .statusCode(200)
                .body("people.userId", contains("bob"));
        given().auth()
                .oauth2(accessToken("mark"))
                .queryParam("businessUnit", "Support")
                .when()
                .get("/api/training/competency")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(accessToken("alice"))
                .when()
                .get("/api/training/competency")
                .then()
                .statusCode(403);
        given().when().get("/api/training/competency").then().statusCode(401);
    }
}
