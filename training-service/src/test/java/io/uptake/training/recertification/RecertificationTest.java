package io.uptake.training.recertification;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.training.support.Catalogue.HR;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.uptake.training.support.Catalogue;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Passes backdated in PostgreSQL expire after the policy's months: the matrix shows EXPIRED, EXPIRING and
 * VALID with the expiry, and the check assigns each due re-test exactly once, however often it runs.
 */
@QuarkusTest
class RecertificationTest {

    private final Pool pool;
    private final RecertificationCheck check;

    RecertificationTest(Pool pool, RecertificationCheck check) {
        this.pool = pool;
        this.check = check;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private void scored(String userId, String unit, String skill, boolean passed, OffsetDateTime at) {
        pool.preparedQuery("""
                        insert into skill_score (user_id, skill, score, passed, attempt_id, business_unit, job_role, scored_at)
                        values ($1, $2, $3, $4, $5, $6, 'sales-rep', $7)""")
                .execute(Tuple.tuple(List.of(userId, skill, passed ? 90 : 30, passed, UUID.randomUUID(), unit, at)))
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    private static JsonPath matrix(String unit) {
        return given().auth()
                .oauth2(accessToken(HR))
                .queryParam("businessUnit", unit)
                .when()
                .get("/api/training/competency")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath assignmentsOf(String userId) {
        return given().auth()
                .oauth2(accessToken(HR))
                .queryParam("userId", userId)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void expiredAndExpiringPassesShowInTheMatrixAndGetOneRetestEachEvenWhenTheCheckRunsTwice() {
        String unit = Catalogue.unique("Unit");
        String longerUnit = Catalogue.unique("Unit");
        String skill = Catalogue.skill();
        Catalogue.single(skill, 2);
        String test = Catalogue.test(Map.of(skill, 1), 70, 0, List.of());
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(Map.of("threshold", 70, "preferredMode", "ELEARNING", "dueInDays", 14, "validMonths", 24))
                .when()
                .put("/api/training/policies/{unit}", longerUnit)
                .then()
                .statusCode(200);

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        LocalDate today = now.toLocalDate();
        String expired = Catalogue.unique("recert-expired");
        String expiring = Catalogue.unique("recert-expiring");
        String valid = Catalogue.unique("recert-valid");
        String failed = Catalogue.unique("recert-failed");
        String longer = Catalogue.unique("recert-longer");
        OffsetDateTime thirteenMonthsAgo = now.minusMonths(13);
        OffsetDateTime expiresInTenDays = now.minusMonths(12).plusDays(10);
        scored(expired, unit, skill, true, thirteenMonthsAgo);
        scored(expiring, unit, skill, true, expiresInTenDays);
        scored(valid, unit, skill, true, now.minusMonths(1));
        scored(failed, unit, skill, false, thirteenMonthsAgo);
        scored(longer, longerUnit, skill, true, thirteenMonthsAgo);

        JsonPath matrix = matrix(unit);
        String of = "people.find { it.userId == '%s' }.certifications.'" + skill + "'";
        assertThat(matrix.getString(of.formatted(expired) + ".status")).isEqualTo("EXPIRED");
        assertThat(matrix.getString(of.formatted(expired) + ".expiresOn"))
                .isEqualTo(thirteenMonthsAgo.toLocalDate().plusMonths(12).toString());
        assertThat(matrix.getString(of.formatted(expiring) + ".status")).isEqualTo("EXPIRING");
        assertThat(matrix.getString(of.formatted(expiring) + ".expiresOn"))
                .isEqualTo(expiresInTenDays.toLocalDate().plusMonths(12).toString());
        assertThat(matrix.getString(of.formatted(valid) + ".status")).isEqualTo("VALID");
        assertThat(matrix.getString(of.formatted(failed))).isNull();
        assertThat(matrix.getString(
                        of.formatted(failed).replace(".certifications.'" + skill + "'", ".scores.'" + skill + "'")))
                .isEqualTo("30");
        assertThat(matrix(longerUnit).getString(of.formatted(longer) + ".status"))
                .isEqualTo("VALID");

        // the check twice at once, then once more: one re-test per expiry
        Uni.combine()
                .all()
                .unis(check.assignDue(), check.assignDue())
                .asTuple()
                .await()
                .atMost(Duration.ofSeconds(60));
        check.assignDue().await().atMost(Duration.ofSeconds(60));

        JsonPath retest = assignmentsOf(expired);
        assertThat(retest.getList("items")).hasSize(1);
        assertThat(retest.getString("items[0].kind")).isEqualTo("TEST");
        assertThat(retest.getString("items[0].testId")).isEqualTo(test);
        assertThat(retest.getString("items[0].skill")).isEqualTo(skill);
        assertThat(retest.getString("items[0].reason.kind")).isEqualTo("RECERTIFY");
        assertThat(retest.getString("items[0].dueOn"))
                .isEqualTo(today.plusDays(14).toString());
        JsonPath soon = assignmentsOf(expiring);
        assertThat(soon.getList("items")).hasSize(1);
        assertThat(soon.getString("items[0].reason.kind")).isEqualTo("RECERTIFY");
        assertThat(soon.getString("items[0].dueOn"))
                .isEqualTo(expiresInTenDays.toLocalDate().plusMonths(12).toString());
        assertThat(assignmentsOf(valid).getList("items")).isEmpty();
        assertThat(assignmentsOf(failed).getList("items")).isEmpty();
        assertThat(assignmentsOf(longer).getList("items")).isEmpty();

        // even once the re-test is no longer open, the same expiry is not assigned again
        pool.preparedQuery("update assignment set status = 'CANCELLED' where user_id = $1")
                .execute(Tuple.of(expired))
                .await()
                .atMost(Duration.ofSeconds(10));
        check.assignDue().await().atMost(Duration.ofSeconds(60));
        assertThat(assignmentsOf(expired).getList("items")).hasSize(1);
    }
}
