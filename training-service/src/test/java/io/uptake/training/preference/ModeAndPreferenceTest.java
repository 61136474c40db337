package io.uptake.training.preference;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.training.support.Catalogue.HR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.uptake.training.support.Catalogue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * After a test, the gap under the pass mark picks the mode by the unit's threshold (default or its own);
 * the person's stated preference wins where a module in it exists.
 */
@QuarkusTest
class ModeAndPreferenceTest {

    /** erin (unit Leadership) takes no other test of this suite. */
    private static final String TAKER = "erin";

    private static final String UNIT = "Leadership";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void backToNoPreferenceAndTheDefaults() {
        preference(null).then().statusCode(200);
        Catalogue.policy(UNIT, 70, "ELEARNING", 14);
    }

    private static io.restassured.response.Response preference(String mode) {
        Map<String, Object> body = new HashMap<>();
        body.put("preferredMode", mode);
        return given().auth()
                .oauth2(accessToken(TAKER))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/training/me/preferences");
    }

    private static void policy(Integer instructorLedFromGap) {
        Map<String, Object> body =
                new HashMap<>(Map.of("threshold", 70, "preferredMode", "ELEARNING", "dueInDays", 14));
        body.put("instructorLedFromGap", instructorLedFromGap);
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/training/policies/{unit}", UNIT)
                .then()
                .statusCode(200);
    }

    /** A weak skill (pass mark 20, scored 0: a gap of 20) taught in the given modes; the retraining it gets. */
    private static JsonPath retrainedIn(List<String> modes) {
        String skill = Catalogue.skill();
        Catalogue.single(skill, 2);
        for (String mode : modes) {
            Catalogue.module(List.of(skill), mode);
        }
        String test = Catalogue.test(Map.of(skill, 1), 20, 0, List.of());
        JsonPath result = Catalogue.takeAndSubmit(TAKER, test, any -> false);
        assertThat(result.getList("assignments")).hasSize(1);
        return result;
    }

    @Test
    void aSmallGapIsRetrainedByELearningALargeOneInstructorLedByTheUnitsThreshold() {
        policy(null); // the default: instructor-led from a gap of 30
        JsonPath small = retrainedIn(List.of("INSTRUCTOR_LED", "ELEARNING"));
        assertThat(small.getString("assignments[0].mode")).isEqualTo("ELEARNING");
        assertThat(small.getInt("assignments[0].reason.score")).isZero();

        policy(15);
        given().auth()
                .oauth2(accessToken("adam"))
                .when()
                .get("/api/training/policies/{unit}", UNIT)
                .then()
                .statusCode(200)
                .body("instructorLedFromGap", equalTo(15))
                .body("validMonths", equalTo(12));
        JsonPath large = retrainedIn(List.of("ELEARNING", "INSTRUCTOR_LED"));
        assertThat(large.getString("assignments[0].mode")).isEqualTo("INSTRUCTOR_LED");
        // only eLearning teaches it: that is what it gets
        JsonPath onlyCourse = retrainedIn(List.of("ELEARNING"));
        assertThat(onlyCourse.getString("assignments[0].mode")).isEqualTo("ELEARNING");
    }

    @Test
    void thePersonsPreferenceWinsWhereAModuleInItExists() {
        policy(15); // the gap of 20 asks for instructor-led
        preference("ELEARNING")
                .then()
                .statusCode(200)
                .body("userId", equalTo(TAKER))
                .body("preferredMode", equalTo("ELEARNING"));
        given().auth()
                .oauth2(accessToken(TAKER))
                .when()
                .get("/api/training/me/preferences")
                .then()
                .statusCode(200)
                .body("preferredMode", equalTo("ELEARNING"));
        JsonPath preferred = retrainedIn(List.of("INSTRUCTOR_LED", "ELEARNING"));
        assertThat(preferred.getString("assignments[0].mode")).isEqualTo("ELEARNING");
        JsonPath onlyClass = retrainedIn(List.of("INSTRUCTOR_LED"));
        assertThat(onlyClass.getString("assignments[0].mode")).isEqualTo("INSTRUCTOR_LED");

        preference(null).then().statusCode(200).body("preferredMode", nullValue());
        JsonPath byPolicy = retrainedIn(List.of("ELEARNING", "INSTRUCTOR_LED"));
        assertThat(byPolicy.getString("assignments[0].mode")).isEqualTo("INSTRUCTOR_LED");
    }

    @Test
    void badPreferencesAndThresholdsAre400NamingTheField() {
        preference("PODCAST")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("preferredMode"));
        Map<String, Object> someoneElse = new HashMap<>();
        someoneElse.put("userId", "alice");
        someoneElse.put("preferredMode", "ELEARNING");
        given().auth()
                .oauth2(accessToken(TAKER))
                .contentType(ContentType.JSON)
                .body(someoneElse)
                .when()
                .put("/api/training/me/preferences")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("userId"));
        given().auth()
                .oauth2(accessToken(TAKER))
                .when()
                .get("/api/training/me/preferences")
                .then()
                .statusCode(200)
                .body("preferredMode", nullValue());
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "threshold", 70,
                        "preferredMode", "ELEARNING",
                        "dueInDays", 14,
                        "instructorLedFromGap", 0,
                        "validMonths", 121))
                .when()
                .put("/api/training/policies/{unit}", UNIT)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("instructorLedFromGap"))
                .body("errors.field", hasItem("validMonths"));
        given().auth()
                .oauth2(accessToken(HR))
                .when()
                .get("/api/training/policies/{unit}", UNIT)
                .then()
                .statusCode(200)
                .body("instructorLedFromGap", equalTo(30));
    }
}
