package io.uptake.feedback.workflow;

import static io.restassured.RestAssured.given;
import static io.uptake.feedback.support.Items.ITEMS;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.uptake.feedback.item.Kind;
import io.uptake.feedback.item.Status;
import io.uptake.feedback.item.Workflow;
import io.uptake.feedback.support.Items;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The triage workflow: every allowed and forbidden move, history, duplicates, and two admins at once. */
@QuarkusTest
class WorkflowResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private static String admin;
    private static String employee;

    @BeforeAll
    static void tokens() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        admin = accessToken("adam");
        employee = accessToken("alice");
    }

    @Test
    void everyForbiddenMoveOfAnIdeaIsRefusedWith409AndChangesNothing() {
        for (Status from : EnumSet.complementOf(EnumSet.of(Status.ANSWERED))) {
            for (Status to : EnumSet.complementOf(EnumSet.copyOf(Workflow.next(Kind.IDEA, from)))) {
                long id = itemIn(from);
                given().auth()
                        .oauth2(admin)
                        .contentType(ContentType.JSON)
                        .body(Map.of("to", to.name(), "note", "try", "duplicateOf", otherItem()))
                        .when()
                        .post(ITEMS + "/" + id + "/transitions")
                        .then()
                        .statusCode(409)
                        .contentType(PROBLEM_JSON);
                given().auth()
                        .oauth2(employee)
                        .when()
                        .get(ITEMS + "/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo(from.name()));
            }
        }
    }

    @Test
    void aQuestionIsAnsweredWithItsAnswerAsTheNoteAndNeverImplemented() {
        long id = Items.submit(employee, Kind.QUESTION, "Can I export? " + UUID.randomUUID());
        for (String to : List.of("PLANNED", "IMPLEMENTED")) {
            transition(id, Map.of("to", to, "note", "try"))
                    .statusCode(409)
                    .contentType(PROBLEM_JSON)
                    .body("detail", containsString("A QUESTION is answered, not implemented"));
        }
        for (Map<String, Object> body :
                List.<Map<String, Object>>of(Map.of("to", "ANSWERED"), Map.of("to", "ANSWERED", "note", " \n "))) {
            transition(id, body).statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("note"));
        }
        given().auth().oauth2(employee).when().get(ITEMS + "/" + id).then().body("status", equalTo("SUBMITTED"));

        Items.move(admin, id, Status.ACKNOWLEDGED, null);
        transition(id, Map.of("to", "ANSWERED", "note", "Yes: Reports, then Export"))
                .statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("kind", equalTo("QUESTION"));
        given().auth()
                .oauth2(employee)
                .when()
                .get(ITEMS + "/" + id + "/history")
                .then()
                .statusCode(200)
                .body("[1].from", equalTo("ACKNOWLEDGED"))
                .body("[1].to", equalTo("ANSWERED"))
                .body("[1].note", equalTo("Yes: Reports, then Export"));
        transition(id, Map.of("to", "DECLINED", "note", "after all"))
                .statusCode(409)
                .body("detail", containsString("final"));
    }

    @Test
    void praiseIsAcknowledgedAndNeitherPlannedNorAnswered() {
        long id = Items.submit(employee, Kind.PRAISE, "Great new search " + UUID.randomUUID());
        transition(id, Map.of("to", "PLANNED"))
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("PRAISE is acknowledged, not implemented"));
        transition(id, Map.of("to", "ANSWERED", "note", "thanks"))
                .statusCode(409)
                .body("detail", containsString("Only a QUESTION"));
        transition(id, Map.of("to", "ACKNOWLEDGED")).statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        transition(id, Map.of("to", "UNDER_REVIEW"))
                .statusCode(409)
                .body("detail", containsString("PRAISE ends once ACKNOWLEDGED"));
        given().auth().oauth2(employee).when().get(ITEMS + "/" + id).then().body("status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void ideasAndProblemsAreNotAnswered() {
        long idea = Items.submit(employee, "Idea " + UUID.randomUUID());
        long problem = Items.submit(employee, Kind.PROBLEM, "Problem " + UUID.randomUUID());
        Items.advanceTo(admin, problem, Status.IN_PROGRESS);
        for (long id : List.of(idea, problem)) {
            transition(id, Map.of("to", "ANSWERED", "note", "an answer"))
                    .statusCode(409)
                    .contentType(PROBLEM_JSON)
                    .body("detail", containsString("Only a QUESTION can be ANSWERED"));
        }
        transition(problem, Map.of("to", "IMPLEMENTED")).statusCode(200).body("status", equalTo("IMPLEMENTED"));
    }

    @Test
    void theMainPathIsKeptInTheHistory() {
        long id = Items.submit(employee, "Path " + UUID.randomUUID());
        Items.advanceTo(admin, id, Status.IMPLEMENTED);
        given().auth()
                .oauth2(employee)
                .when()
                .get(ITEMS + "/" + id + "/history")
                .then()
                .statusCode(200)
                .body("size()", equalTo(5))
                .body("[0].from", equalTo("SUBMITTED"))
                .body("[0].to", equalTo("ACKNOWLEDGED"))
                .body("[0].actor", equalTo("adam"))
                .body("[0].actorName", equalTo("Adam Adler"))
                .body("[0].at", notNullValue())
                .body("[4].to", equalTo("IMPLEMENTED"))
                .body("[4].note", equalTo("on to IMPLEMENTED"));
    }

    @Test
    void aDeclineNeedsAReasonAndADuplicateNeedsItsOriginal() {
        long id = Items.submit(employee, "Decline me " + UUID.randomUUID());
        for (Map<String, Object> body :
                List.<Map<String, Object>>of(Map.of("to", "DECLINED"), Map.of("to", "DECLINED", "note", "  "))) {
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post(ITEMS + "/" + id + "/transitions")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("errors.field", hasItem("note"));
        }
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("to", "DUPLICATE"))
                .when()
                .post(ITEMS + "/" + id + "/transitions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("duplicateOf"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("to", "DUPLICATE", "duplicateOf", id))
                .when()
                .post(ITEMS + "/" + id + "/transitions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("duplicateOf"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("to", "SHIPPED"))
                .when()
                .post(ITEMS + "/" + id + "/transitions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
        given().auth().oauth2(employee).when().get(ITEMS + "/" + id).then().body("status", equalTo("SUBMITTED"));

        Items.move(admin, id, Status.DECLINED, "Out of scope for this year");
        given().auth()
                .oauth2(employee)
                .when()
                .get(ITEMS + "/" + id + "/history")
                .then()
                .body("[0].note", equalTo("Out of scope for this year"));
    }

    @Test
    void aDuplicatesVotesAndFollowersMoveToTheOriginalEachPersonOnce() {
        long original = Items.submit(employee, "Original " + UUID.randomUUID());
        long duplicate = Items.submit(accessToken("carol"), "Copy " + UUID.randomUUID());
        String bob = accessToken("bob");
        given().auth()
                .oauth2(bob)
                .when()
                .put(ITEMS + "/" + original + "/vote")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(bob)
                .when()
                .put(ITEMS + "/" + duplicate + "/vote")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(accessToken("mark"))
                .when()
                .put(ITEMS + "/" + duplicate + "/vote")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("to", "DUPLICATE", "duplicateOf", original, "note", "same"))
                .when()
                .post(ITEMS + "/" + duplicate + "/transitions")
                .then()
                .statusCode(200)
                .body("status", equalTo("DUPLICATE"))
                .body("votes", equalTo(0))
                .body("duplicateOf", equalTo((int) original));
        given().auth()
                .oauth2(employee)
                .queryParam("status", "duplicate")
                .queryParam("size", 200)
                .when()
                .get(ITEMS)
                .then()
                .statusCode(200)
                .body("items.find { it.id == " + duplicate + " }.duplicateOf", equalTo((int) original));
        given().auth()
                .oauth2(employee)
                .when()
                .get(ITEMS + "/" + original)
                .then()
                .body("votes", equalTo(2));
        given().auth()
                .oauth2(bob)
                .when()
                .put(ITEMS + "/" + duplicate + "/vote")
                .then()
                .statusCode(409);
    }

    @Test
    void employeesDoNotMoveItems() {
        long id = Items.submit(employee, "Mine " + UUID.randomUUID());
        given().auth()
                .oauth2(employee)
                .contentType(ContentType.JSON)
                .body(Map.of("to", "ACKNOWLEDGED"))
                .when()
                .post(ITEMS + "/" + id + "/transitions")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        given().auth().oauth2(employee).when().get(ITEMS + "/" + id).then().body("status", equalTo("SUBMITTED"));
    }

    @Test
    void twoAdminsMovingTheSameVersionAtOnceOneWinsTheOtherGets409() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = Items.submit(employee, "Race " + UUID.randomUUID());
            int version = given().auth()
                    .oauth2(admin)
                    .when()
                    .get(ITEMS + "/" + id)
                    .then()
                    .extract()
                    .path("version");
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> moves = new ArrayList<>();
            for (String target : List.of("ACKNOWLEDGED", "DECLINED")) {
                moves.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return given().auth()
                            .oauth2(admin)
                            .contentType(ContentType.JSON)
                            .body(Map.of("to", target, "note", "decided", "version", version))
                            .when()
                            .post(ITEMS + "/" + id + "/transitions")
                            .then()
                            .extract()
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses =
                    moves.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(statuses).containsExactly(200, 409);
            given().auth()
                    .oauth2(admin)
                    .when()
                    .get(ITEMS + "/" + id + "/history")
                    .then()
                    .body("size()", equalTo(1));
        }
    }

    private static ValidatableResponse transition(long id, Map<String, Object> body) {
        return given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(ITEMS + "/" + id + "/transitions")
                .then();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static long otherItem() {
        return Items.submit(employee, "Other " + UUID.randomUUID());
    }

    /** A new item brought to {@code status} by allowed moves. */
    private static long itemIn(Status status) {
        long id = Items.submit(employee, "In " + status + " " + UUID.randomUUID());
        switch (status) {
            case DECLINED -> Items.move(admin, id, Status.DECLINED, "no");
            case DUPLICATE ->
                given().auth()
                        .oauth2(admin)
                        .contentType(ContentType.JSON)
                        .body(Map.of("to", "DUPLICATE", "duplicateOf", otherItem()))
                        .when()
                        .post(ITEMS + "/" + id + "/transitions")
                        .then()
                        .statusCode(200);
            default -> Items.advanceTo(admin, id, status);
        }
        return id;
    }
}
