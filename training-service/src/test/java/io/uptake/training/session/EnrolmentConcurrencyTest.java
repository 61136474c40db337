package io.uptake.training.session;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.training.support.Catalogue.HR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.uptake.training.support.Catalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seats are never sold twice: 50 enrolments at once into 10 seats (the rest waitlisted), and the rules of who may enrol. */
@QuarkusTest
class EnrolmentConcurrencyTest {

    private static final int SEATS = 10;
    private static final int CANDIDATES = 50;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void fiftyConcurrentEnrolmentsIntoTenSeatsExactlyTenSucceed() throws Exception {
        String skill = Catalogue.skill();
        String module = Catalogue.module(List.of(skill), "INSTRUCTOR_LED");
        String session = Catalogue.session(module, 7, SEATS);
        String token = accessToken(HR);
        String run = Catalogue.unique("person");

        ExecutorService pool = Executors.newFixedThreadPool(CANDIDATES);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            String userId = run + "-" + i;
            Callable<Integer> enrol = () -> {
                go.await();
                return given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(Map.of("userId", userId))
                        .when()
                        .post("/api/training/sessions/" + session + "/enrolments")
                        .then()
                        .extract()
                        .statusCode();
            };
            results.add(pool.submit(enrol));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(SEATS);
        // the others wait for a seat (202, WAITLISTED): see WaitlistTest
        assertThat(statuses).filteredOn(status -> status == 202).hasSize(CANDIDATES - SEATS);
        given().auth()
                .oauth2(token)
                .queryParam("moduleId", module)
                .when()
                .get("/api/training/sessions")
                .then()
                .statusCode(200)
                .body("items[0].seatsTaken", equalTo(SEATS))
                .body("items[0].capacity", equalTo(SEATS));
    }

    @Test
    void enrolmentRules() {
        String skill = Catalogue.skill();
        String module = Catalogue.module(List.of(skill), "INSTRUCTOR_LED");
        String session = Catalogue.session(module, 3, 2);
        String person = Catalogue.unique("person");
        String hr = accessToken(HR);

        given().auth()
                .oauth2(hr)
                .contentType(ContentType.JSON)
                .body(Map.of("userId", person))
                .when()
                .post("/api/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(201)
                .body("userId", equalTo(person))
                .body("sessionId", equalTo(session));
        // twice the same person: a conflict, no second seat
        given().auth()
                .oauth2(hr)
                .contentType(ContentType.JSON)
                .body(Map.of("userId", person))
                .when()
                .post("/api/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // an employee may not enrol someone else, nor themselves without an assignment of the module
        given().auth()
                .oauth2(accessToken("alice"))
                .contentType(ContentType.JSON)
                .body(Map.of("userId", person))
                .when()
                .post("/api/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(accessToken("alice"))
                .when()
                .post("/api/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(hr)
                .queryParam("moduleId", module)
                .when()
                .get("/api/training/sessions")
                .then()
                .statusCode(200)
                .body("items[0].seatsTaken", equalTo(1));
        // sessions are for instructor-led modules that exist
        String elearning = Catalogue.module(List.of(skill), "ELEARNING");
        given().auth()
                .oauth2(hr)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "moduleId", elearning, "startsAt", "2030-01-01T09:00:00Z", "location", "Room 1", "capacity", 5))
                .when()
                .post("/api/training/sessions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("moduleId"));
        given().auth()
                .oauth2(hr)
                .contentType(ContentType.JSON)
                .body(Map.of("moduleId", module, "startsAt", "soon", "location", "", "capacity", 0))
                .when()
                .post("/api/training/sessions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("startsAt"));
        given().auth()
                .oauth2(hr)
                .contentType(ContentType.JSON)
                .body(Map.of("moduleId", module, "startsAt", "2030-01-01T09:00:00Z", "location", "", "capacity", 0))
                .when()
                .post("/api/training/sessions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("location"))
                .body("errors.field", hasItem("capacity"));
    }
}
