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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.uptake.training.support.Catalogue;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A full session waitlists, first come first served, and a seat given back goes to the first person waiting:
 * 30 concurrent requests for 10 seats, then 5 cancellations, with exactly 10 seated after every step and
 * never more while the requests race (sampled from PostgreSQL meanwhile).
 */
@QuarkusTest
class WaitlistTest {

    private static final int SEATS = 10;
    private static final int REQUESTS = 30;
    private static final int CANCELLATIONS = 5;

    private final Pool pool;

    WaitlistTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Who sits in the session and who waits, in one snapshot. */
    private record Occupancy(int seatsTaken, int seated, int waiting, Set<String> seatedUsers) {}

    private Occupancy occupancy(String session) {
        Row row = pool.preparedQuery("""
                        select s.seats_taken,
                               (select count(*) from enrolment e where e.session_id = s.id) as seated,
                               (select count(*) from waitlist w where w.session_id = s.id) as waiting,
                               (select coalesce(array_agg(e.user_id), '{}') from enrolment e where e.session_id = s.id) as users
                        from training_session s where s.id = $1""")
                .execute(Tuple.of(UUID.fromString(session)))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next();
        return new Occupancy(
                row.getInteger("seats_taken"),
                row.getLong("seated").intValue(),
                row.getLong("waiting").intValue(),
                new HashSet<>(List.of(row.getArrayOfStrings("users"))));
    }

    private static JsonPath waitlist(String session) {
        return given().auth()
                .oauth2(accessToken(HR))
                .queryParam("size", 500)
                .when()
                .get("/api/training/sessions/" + session + "/waitlist")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private void assertTenSeated(String session, int waiting) {
        Occupancy now = occupancy(session);
        assertThat(now.seated()).isEqualTo(SEATS);
        assertThat(now.seatsTaken()).isEqualTo(SEATS);
        assertThat(now.waiting()).isEqualTo(waiting);
    }

    @Test
    void thirtyConcurrentRequestsForTenSeatsThenFiveCancellationsPromoteTheFirstFiveWaiting() throws Exception {
        String module = Catalogue.module(List.of(Catalogue.skill()), "INSTRUCTOR_LED");
        String session = Catalogue.session(module, 14, SEATS);
        String token = accessToken(HR);
        String run = Catalogue.unique("wait");

        // a sampler reads the session from PostgreSQL while the requests race
        AtomicBoolean racing = new AtomicBoolean(true);
        List<Occupancy> samples = new CopyOnWriteArrayList<>();
        Thread sampler = new Thread(() -> {
            while (racing.get()) {
                samples.add(occupancy(session));
            }
        });
        sampler.start();

        ExecutorService threads = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String userId = run + "-" + i;
            answers.add(threads.submit(() -> {
                go.await();
                return given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(Map.of("userId", userId))
                        .when()
                        .post("/api/training/sessions/" + session + "/enrolments")
                        .then()
                        .extract()
                        .response();
            }));
        }
        go.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            responses.add(answer.get());
        }
        threads.shutdown();
        racing.set(false);
        sampler.join();

        assertThat(samples).isNotEmpty();
        assertThat(samples).allSatisfy(sample -> {
            assertThat(sample.seated()).isLessThanOrEqualTo(SEATS);
            assertThat(sample.seatsTaken()).isEqualTo(sample.seated());
            assertThat(sample.seated() + sample.waiting()).isLessThanOrEqualTo(REQUESTS);
        });
        List<String> seated = new ArrayList<>();
        AtomicInteger waitlisted = new AtomicInteger();
        for (Response response : responses) {
            if (response.statusCode() == 201) {
                assertThat(response.jsonPath().getString("status")).isEqualTo("SEATED");
                seated.add(response.jsonPath().getString("userId"));
            } else {
                assertThat(response.statusCode()).isEqualTo(202);
                assertThat(response.jsonPath().getString("status")).isEqualTo("WAITLISTED");
                waitlisted.incrementAndGet();
            }
        }
        assertThat(seated).hasSize(SEATS);
        assertThat(waitlisted.get()).isEqualTo(REQUESTS - SEATS);
        assertTenSeated(session, REQUESTS - SEATS);
        assertThat(occupancy(session).seatedUsers()).containsExactlyInAnyOrderElementsOf(seated);

        // HR's list: first come first served, each at the place their own answer gave them
        JsonPath before = waitlist(session);
        List<String> waiting = before.getList("items.userId", String.class);
        assertThat(waiting).hasSize(REQUESTS - SEATS).doesNotContainAnyElementsOf(seated);
        assertThat(before.getList("items.position", Integer.class))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, REQUESTS - SEATS)
                        .boxed()
                        .toList());
        assertThat(before.getLong("total")).isEqualTo(REQUESTS - SEATS);
        for (Response response : responses) {
            if (response.statusCode() == 202) {
                assertThat(waiting.indexOf(response.jsonPath().getString("userId")) + 1)
                        .isEqualTo(response.jsonPath().getInt("waitlistPosition"));
            }
        }

        for (int i = 0; i < CANCELLATIONS; i++) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .delete("/api/training/sessions/" + session + "/enrolments/" + seated.get(i))
                    .then()
                    .statusCode(204);
            assertTenSeated(session, REQUESTS - SEATS - i - 1);
            Occupancy now = occupancy(session);
            assertThat(now.seatedUsers()).contains(waiting.get(i)).doesNotContain(seated.get(i));
            assertThat(waitlist(session).getString("items[0].userId")).isEqualTo(waiting.get(i + 1));
        }

        Occupancy end = occupancy(session);
        assertThat(end.seatedUsers()).containsAll(waiting.subList(0, CANCELLATIONS));
        assertThat(end.seatedUsers()).containsAll(seated.subList(CANCELLATIONS, SEATS));
        JsonPath after = waitlist(session);
        assertThat(after.getList("items.userId", String.class))
                .containsExactlyElementsOf(waiting.subList(CANCELLATIONS, waiting.size()));
        assertThat(after.getInt("items[0].position")).isEqualTo(1);
        given().auth()
                .oauth2(token)
                .queryParam("moduleId", module)
                .when()
                .get("/api/training/sessions")
                .then()
                .statusCode(200)
                .body("items[0].seatsTaken", equalTo(SEATS));
        // someone cancelled is neither seated nor waiting any more
        given().auth()
                .oauth2(token)
                .when()
                .delete("/api/training/sessions/" + session + "/enrolments/" + seated.get(0))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aWaiterSeatedElsewhereOrDoneLeavesTheWaitlistAndTheNextOneIsPromoted() {
        String skill = Catalogue.skill();
        String module = Catalogue.module(List.of(skill), "INSTRUCTOR_LED");
        String full = Catalogue.session(module, 21, 1);
        String hr = accessToken(HR);
        String other = Catalogue.unique("seated");
        given().auth()
                .oauth2(hr)
                .contentType(ContentType.JSON)
                .body(Map.of("userId", other))
                .when()
                .post("/api/training/sessions/" + full + "/enrolments")
                .then()
                .statusCode(201);
        Map<String, String> assignments = new java.util.LinkedHashMap<>();
        for (String user : List.of("carol", "bob", "alice")) {
            assignments.put(
                    user,
                    given().auth()
                            .oauth2(hr)
                            .contentType(ContentType.JSON)
                            .body(Map.of("userId", user, "skill", skill, "moduleId", module))
                            .when()
                            .post("/api/training/assignments")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("assignments[0].id"));
            given().auth()
                    .oauth2(accessToken(user))
                    .when()
                    .post("/api/training/sessions/" + full + "/enrolments")
                    .then()
                    .statusCode(202)
                    .body("status", equalTo("WAITLISTED"));
        }
        // carol takes a seat in a later session of the module: she no longer waits for the full one
        String later = Catalogue.session(module, 28, 5);
        given().auth()
                .oauth2(accessToken("carol"))
                .when()
                .post("/api/training/sessions/" + later + "/enrolments")
                .then()
                .statusCode(201)
                .body("status", equalTo("SEATED"));
        // alice's training is completed: she does not wait either
        given().auth()
                .oauth2(hr)
                .when()
                .post("/api/training/assignments/" + assignments.get("alice") + "/complete")
                .then()
                .statusCode(200);
        assertThat(waitlist(full).getList("items.userId", String.class)).containsExactly("bob");

        given().auth()
                .oauth2(hr)
                .when()
                .delete("/api/training/sessions/" + full + "/enrolments/" + other)
                .then()
                .statusCode(204);
        Occupancy after = occupancy(full);
        assertThat(after.seatedUsers()).containsExactly("bob");
        assertThat(after.seatsTaken()).isEqualTo(1);
        assertThat(after.waiting()).isZero();
        assertThat(occupancy(later).seatedUsers()).containsExactly("carol");
    }

    @Test
    void anAssigneeSeesTheirPlaceOnTheWaitlistAndIsBookedWhenPromoted() {
        String skill = Catalogue.skill();
        String module = Catalogue.module(List.of(skill), "INSTRUCTOR_LED");
        String session = Catalogue.session(module, 21, 1);
        String hr = accessToken(HR);
        String carol = accessToken("carol");
        String other = Catalogue.unique("seated");
        given().auth()
                .oauth2(hr)
                .contentType(ContentType.JSON)
                .body(Map.of("userId", other))
                .when()
                .post("/api/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(201);
        String assignment = given().auth()
                .oauth2(hr)
                .contentType(ContentType.JSON)
                .body(Map.of("userId", "carol", "skill", skill, "moduleId", module))
                .when()
                .post("/api/training/assignments")
                .then()
                .statusCode(201)
                .extract()
                .path("assignments[0].id");

        given().auth()
                .oauth2(carol)
                .when()
                .post("/api/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(202)
                .body("status", equalTo("WAITLISTED"))
                .body("waitlistPosition", equalTo(1))
                .body("assignmentId", equalTo(assignment));
        given().auth()
                .oauth2(carol)
                .when()
                .post("/api/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(carol)
                .queryParam("status", "ASSIGNED")
                .queryParam("size", 500)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + assignment + "' }.waitlist.sessionId", equalTo(session))
                .body("items.find { it.id == '" + assignment + "' }.waitlist.position", equalTo(1));
        // the waitlist is HR's to read; only HR takes someone else out
        given().auth()
                .oauth2(carol)
                .when()
                .get("/api/training/sessions/" + session + "/waitlist")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(carol)
                .when()
                .delete("/api/training/sessions/" + session + "/enrolments/" + other)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(hr)
                .queryParam("size", 0)
                .when()
                .get("/api/training/sessions/" + session + "/waitlist")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        given().auth()
                .oauth2(hr)
                .when()
                .delete("/api/training/sessions/" + session + "/enrolments/" + other)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(carol)
                .queryParam("status", "ASSIGNED")
                .queryParam("size", 500)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + assignment + "' }.session.id", equalTo(session))
                .body("items.find { it.id == '" + assignment + "' }.waitlist", equalTo(null));

        // HR cancels the assignment: the seat is free again, nobody waits
        given().auth()
                .oauth2(hr)
                .contentType(ContentType.JSON)
                .body(Map.of("status", "CANCELLED"))
                .when()
                .patch("/api/training/assignments/" + assignment)
                .then()
                .statusCode(200);
        Occupancy end = occupancy(session);
        assertThat(end.seated()).isZero();
        assertThat(end.seatsTaken()).isZero();
        assertThat(end.waiting()).isZero();
        assertThat(waitlist(session).getList("items")).isEmpty();
        given().auth()
                .oauth2(hr)
                .queryParam("moduleId", module)
                .when()
                .get("/api/training/sessions")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(session));
    }
}
