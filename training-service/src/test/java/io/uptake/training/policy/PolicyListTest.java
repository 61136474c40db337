package io.uptake.training.policy;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.training.support.Catalogue.HR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.uptake.training.support.Catalogue;
import io.uptake.training.support.Roster;
import io.vertx.mutiny.sqlclient.Pool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every unit's retraining policy in force, for HR: the units' own and the roster's units on the fallback. */
@QuarkusTest
class PolicyListTest {

    private final Pool pool;

    PolicyListTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static JsonPath page(String user, int page, int size) {
        return given().auth()
                .oauth2(accessToken(user))
                .queryParam("page", page)
                .queryParam("size", size)
                .when()
                .get("/api/training/policies")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Every policy listed, page by page. */
    private static List<Map<String, Object>> all(String user) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        long total;
        int page = 0;
        do {
            JsonPath answer = page(user, page++, 500);
            total = answer.getLong("total");
            all.addAll(answer.getList("items"));
        } while (all.size() < total);
        return all;
    }

    @Test
    void everyUnitsPolicyInForceIsListedByUnit() {
        String own = Catalogue.unique("AAA Policy");
        String fallback = Catalogue.unique("AAA Roster");
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "threshold", 65,
                        "preferredMode", "INSTRUCTOR_LED",
                        "dueInDays", 21,
                        "instructorLedFromGap", 20,
                        "validMonths", 18))
                .when()
                .put("/api/training/policies/{unit}", own)
                .then()
                .statusCode(200);
        Roster.person(pool, Catalogue.unique("member"), "Mo Member", fallback);

        List<Map<String, Object>> all = all(HR);
        assertThat(all)
                .extracting(policy -> (String) policy.get("businessUnit"))
                .isSorted();
        Map<String, Object> ownPolicy = all.stream()
                .filter(policy -> own.equals(policy.get("businessUnit")))
                .findFirst()
                .orElseThrow();
        assertThat(ownPolicy)
                .containsEntry("threshold", 65)
                .containsEntry("preferredMode", "INSTRUCTOR_LED")
                .containsEntry("dueInDays", 21)
                .containsEntry("instructorLedFromGap", 20)
                .containsEntry("validMonths", 18)
                .containsEntry("defaulted", false);
        Map<String, Object> defaulted = all.stream()
                .filter(policy -> fallback.equals(policy.get("businessUnit")))
                .findFirst()
                .orElseThrow();
        assertThat(defaulted)
                .containsEntry("threshold", null)
                .containsEntry("preferredMode", "ELEARNING")
                .containsEntry("dueInDays", 14)
                .containsEntry("validMonths", 12)
                .containsEntry("defaulted", true);
        // a page of one tells the same total
        JsonPath one = page("adam", 1, 1);
        assertThat(one.getList("items")).hasSize(1);
        assertThat(one.getLong("total")).isEqualTo(all.size());
        assertThat(one.getString("items[0].businessUnit")).isEqualTo(all.get(1).get("businessUnit"));
    }

    @Test
    void onlyHrAndAdminsListThePolicies() {
        for (String user : List.of("alice", "mark", "erin")) {
            given().auth()
                    .oauth2(accessToken(user))
                    .when()
                    .get("/api/training/policies")
                    .then()
                    .statusCode(403);
        }
        given().when().get("/api/training/policies").then().statusCode(401);
        given().auth()
                .oauth2(accessToken(HR))
                .queryParam("size", 0)
                .when()
                .get("/api/training/policies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
        // the unit's own policy is still read by its path
        given().auth()
                .oauth2(accessToken(HR))
                .when()
                .get("/api/training/policies/{unit}", Catalogue.unique("Nowhere"))
                .then()
                .statusCode(200)
                .body("defaulted", org.hamcrest.Matchers.equalTo(true));
    }
}
