package io.uptake.feedback.status;

import static io.restassured.RestAssured.given;
import static io.uptake.feedback.support.Items.ITEMS;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.uptake.feedback.item.Kind;
import io.uptake.feedback.item.Status;
import io.uptake.feedback.support.Items;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The organisation renames a status: the new label shows in the listing, the item answers and the inbox; codes stay. */
@QuarkusTest
class StatusLabelTest {

    private static final String STATUSES = "/api/feedback/statuses";
    private static final String PROBLEM_JSON = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aRenamedStatusShowsItsLabelWherePeopleReadIt() {
        String admin = accessToken("adam");
        String alice = accessToken("alice");
        String label = "On the roadmap " + UUID.randomUUID().toString().substring(0, 8);
        try {
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("label", "  " + label + " "))
                    .when()
                    .put(STATUSES + "/planned")
                    .then()
                    .statusCode(200)
                    .body("code", equalTo("PLANNED"))
                    .body("label", equalTo(label));
            given().auth()
                    .oauth2(alice)
                    .when()
                    .get(STATUSES)
                    .then()
                    .statusCode(200)
                    .body("size()", equalTo(Status.values().length))
                    .body("find { it.code == 'PLANNED' }.label", equalTo(label))
                    .body(
                            "find { it.code == 'PLANNED' }.nextByKind.IDEA",
                            equalTo(java.util.List.of("IN_PROGRESS", "DECLINED", "DUPLICATE")))
                    .body(
                            "find { it.code == 'PLANNED' }.next",
                            equalTo(java.util.List.of("IN_PROGRESS", "ANSWERED", "DECLINED", "DUPLICATE")))
                    .body("find { it.code == 'SUBMITTED' }.label", equalTo("SUBMITTED"));

            long id = Items.submit(alice, "Labelled " + UUID.randomUUID());
            Items.advanceTo(admin, id, Status.PLANNED);
            given().auth()
                    .oauth2(alice)
                    .when()
                    .get(ITEMS + "/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("PLANNED"))
                    .body("statusLabel", equalTo(label));
            given().auth()
                    .oauth2(alice)
                    .queryParam("mine", true)
                    .queryParam("size", 200)
                    .when()
                    .get(ITEMS)
                    .then()
                    .statusCode(200)
                    .body("items.find { it.id == " + id + " }.statusLabel", equalTo(label));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> given()
                            .auth()
                            .oauth2(alice)
                            .queryParam("size", 200)
                            .when()
                            .get("/api/feedback/notifications")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("items.findAll { it.itemId == " + id + " }.message", String.class)
                            .stream()
                            .anyMatch(message ->
                                    message.endsWith("moved from UNDER_REVIEW to " + label + ": on to PLANNED")));
        } finally {
            given().auth()
                    .oauth2(admin)
                    .when()
                    .delete(STATUSES + "/PLANNED/label")
                    .then()
                    .statusCode(200)
                    .body("label", equalTo("PLANNED"));
        }
        given().auth()
                .oauth2(alice)
                .when()
                .get(STATUSES)
                .then()
                .statusCode(200)
                .body("find { it.code == 'PLANNED' }.label", equalTo("PLANNED"));
    }

    @Test
    void answeredIsListedWithTheMovesOfEachKindAndCanBeRenamed() {
        String admin = accessToken("adam");
        String alice = accessToken("alice");
        given().auth()
                .oauth2(alice)
                .when()
                .get(STATUSES)
                .then()
                .statusCode(200)
                .body("code", hasItem("ANSWERED"))
                .body("find { it.code == 'ANSWERED' }.open", equalTo(false))
                .body("find { it.code == 'ANSWERED' }.next", equalTo(java.util.List.of()))
                .body(
                        "find { it.code == 'UNDER_REVIEW' }.nextByKind.QUESTION",
                        equalTo(java.util.List.of("ANSWERED", "DECLINED", "DUPLICATE")))
                .body(
                        "find { it.code == 'UNDER_REVIEW' }.nextByKind.PROBLEM",
                        equalTo(java.util.List.of("PLANNED", "DECLINED", "DUPLICATE")))
                .body(
                        "find { it.code == 'SUBMITTED' }.nextByKind.PRAISE",
                        equalTo(java.util.List.of("ACKNOWLEDGED", "DECLINED", "DUPLICATE")))
                .body(
                        "find { it.code == 'ACKNOWLEDGED' }.nextByKind.PRAISE",
                        equalTo(java.util.List.of("DECLINED", "DUPLICATE")));
        String label = "Answered " + UUID.randomUUID().toString().substring(0, 8);
        try {
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("label", label))
                    .when()
                    .put(STATUSES + "/answered")
                    .then()
                    .statusCode(200)
                    .body("code", equalTo("ANSWERED"))
                    .body("label", equalTo(label));
            long id = Items.submit(alice, Kind.QUESTION, "Labelled question " + UUID.randomUUID());
            Items.move(admin, id, Status.ANSWERED, "Yes: under Reports, Export");
            given().auth()
                    .oauth2(alice)
                    .when()
                    .get(ITEMS + "/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ANSWERED"))
                    .body("statusLabel", equalTo(label));
        } finally {
            given().auth()
                    .oauth2(admin)
                    .when()
                    .delete(STATUSES + "/ANSWERED/label")
                    .then()
                    .statusCode(200)
                    .body("label", equalTo("ANSWERED"));
        }
    }

    @Test
    void badLabelsAre400sNamingTheFieldAndClashesAre409s() {
        String admin = accessToken("adam");
        for (Map<String, Object> body : java.util.List.<Map<String, Object>>of(
                Map.of("label", "   "), Map.of("label", "x".repeat(61)), Map.of("label", "tab\there"))) {
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .put(STATUSES + "/ACKNOWLEDGED")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("errors.field", hasItem("label"));
        }
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("label", "Thinking"))
                .when()
                .put(STATUSES + "/PONDERING")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("code"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("label", "declined"))
                .when()
                .put(STATUSES + "/ACKNOWLEDGED")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON);
        given().auth()
                .oauth2(accessToken("alice"))
                .contentType(ContentType.JSON)
                .body(Map.of("label", "Mine now"))
                .when()
                .put(STATUSES + "/ACKNOWLEDGED")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(admin)
                .when()
                .get(STATUSES)
                .then()
                .statusCode(200)
                .body("find { it.code == 'ACKNOWLEDGED' }.label", equalTo("ACKNOWLEDGED"));
    }
}
