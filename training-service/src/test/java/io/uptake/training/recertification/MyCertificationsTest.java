package io.uptake.training.recertification;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.uptake.training.support.Catalogue;
import io.uptake.training.support.Roster;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** My own certifications: each passed skill with its expiry, by the recertification rule; failed skills are none. */
@QuarkusTest
class MyCertificationsTest {

    private final Pool pool;

    MyCertificationsTest(Pool pool) {
        this.pool = pool;
    }

    @Test
    void eachPassedSkillWithItsExpiryAndStatus() {
        String unit = Catalogue.unique("Unit");
        String valid = Catalogue.skill();
        String expiring = Catalogue.skill();
        String expired = Catalogue.skill();
        String failed = Catalogue.skill();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Roster.score(pool, "erin", unit, valid, 95, true, now.minusMonths(2));
        Roster.score(pool, "erin", unit, expiring, 80, true, now.minusMonths(12).plusDays(10));
        Roster.score(pool, "erin", unit, expired, 90, true, now.minusMonths(13));
        Roster.score(pool, "erin", unit, failed, 30, false, now.minusDays(3));

        JsonPath mine = given().auth()
                .oauth2(accessToken("erin"))
                .when()
                .get("/api/training/me/certifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> byValid = mine.getMap("items.find { it.skill == '" + valid + "' }");
        assertThat(byValid)
                .containsEntry("status", "VALID")
                .containsEntry("score", 95)
                .containsEntry("skillName", "Skill " + valid)
                .containsEntry(
                        "expiresOn",
                        now.minusMonths(2).toLocalDate().plusMonths(12).toString());
        assertThat(mine.getString("items.find { it.skill == '" + expiring + "' }.status"))
                .isEqualTo("EXPIRING");
        assertThat(mine.getString("items.find { it.skill == '" + expired + "' }.status"))
                .isEqualTo("EXPIRED");
        assertThat(mine.getList("items.skill", String.class)).doesNotContain(failed);

        // nobody else's: alice has none of these
        assertThat(given().auth()
                        .oauth2(accessToken("alice"))
                        .when()
                        .get("/api/training/me/certifications")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.skill", String.class))
                .doesNotContain(valid, expiring, expired);
    }
}
