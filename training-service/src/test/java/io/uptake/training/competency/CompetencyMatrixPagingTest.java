package io.uptake.training.competency;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.training.support.Catalogue.HR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.uptake.training.support.Catalogue;
import io.uptake.training.support.Roster;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The competency matrix at HR's scale: filtered by unit, skill and name, the weakest first, paged with honest totals. */
@QuarkusTest
class CompetencyMatrixPagingTest {

    private static final int PEOPLE = 10_000;

    private final Pool pool;

    CompetencyMatrixPagingTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static RequestSpecification hr() {
        return given().auth().oauth2(accessToken(HR));
    }

    private static JsonPath matrix(RequestSpecification request) {
        return request.when()
                .get("/api/training/competency")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theWeakestComeFirstByTheChosenSkillOrAnyAndTheUnscoredLast() {
        String unit = Catalogue.unique("Unit");
        String pipeline = Catalogue.skill();
        String contacts = Catalogue.skill();
        String run = Catalogue.unique("m");
        String strong = run + "-strong";
        String weakOnContacts = run + "-contacts";
        String weakOnPipeline = run + "-pipeline";
        String unscored = run + "-unscored";
        Roster.person(pool, strong, "Stella Strong", unit);
        Roster.person(pool, weakOnContacts, "Cory Contacts", unit);
        Roster.person(pool, weakOnPipeline, null, unit);
        Roster.person(pool, unscored, "Una Scored", unit);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Roster.score(pool, strong, unit, pipeline, 90, true, now);
        Roster.score(pool, strong, unit, contacts, 85, true, now);
        Roster.score(pool, weakOnContacts, unit, pipeline, 80, true, now);
        Roster.score(pool, weakOnContacts, unit, contacts, 20, false, now);
        Roster.score(pool, weakOnPipeline, unit, pipeline, 40, false, now);
        Roster.score(pool, weakOnPipeline, unit, contacts, 60, false, now);

        // across skills: the lowest latest score first, people without a score last
        JsonPath any = matrix(hr().queryParam("businessUnit", unit).queryParam("sort", "weakest"));
        assertThat(any.getList("people.userId", String.class))
                .containsExactly(weakOnContacts, weakOnPipeline, strong, unscored);
        assertThat(any.getLong("total")).isEqualTo(4);
        assertThat(any.getString("people[0].displayName")).isEqualTo("Cory Contacts");
        assertThat(any.getMap("people[1]")).containsKey("displayName");
        assertThat(any.getString("people[1].displayName")).isNull();
        assertThat(any.getList("skills", String.class)).containsExactlyInAnyOrder(pipeline, contacts);
        // on one skill: only the people scored on it, the weakest on it first
        JsonPath onPipeline = matrix(hr().queryParam("businessUnit", unit)
                .queryParam("skill", pipeline)
                .queryParam("sort", "weakest"));
        assertThat(onPipeline.getList("people.userId", String.class))
                .containsExactly(weakOnPipeline, weakOnContacts, strong);
        // paged: the second page of two, with the honest total
        JsonPath second = matrix(hr().queryParam("businessUnit", unit)
                .queryParam("sort", "weakest")
                .queryParam("size", 2)
                .queryParam("page", 1));
        assertThat(second.getList("people.userId", String.class)).containsExactly(strong, unscored);
        assertThat(second.getLong("total")).isEqualTo(4);
        // by name or user id
        JsonPath named = matrix(hr().queryParam("businessUnit", unit).queryParam("q", "cory"));
        assertThat(named.getList("people.userId", String.class)).containsExactly(weakOnContacts);
        assertThat(named.getLong("total")).isEqualTo(1);
        assertThat(matrix(hr().queryParam("q", run + "-uns")).getList("people.userId", String.class))
                .containsExactly(unscored);
        // by name, the nameless last; the default stays by user id
        assertThat(matrix(hr().queryParam("businessUnit", unit).queryParam("sort", "name"))
                        .getList("people.userId", String.class))
                .containsExactly(weakOnContacts, strong, unscored, weakOnPipeline);
        assertThat(matrix(hr().queryParam("businessUnit", unit)).getList("people.userId", String.class))
                .containsExactly(weakOnContacts, weakOnPipeline, strong, unscored);
    }

    @Test
    void badParametersAreNamedAndManagersStayInTheirUnit() {
        hr().queryParam("sort", "strongest")
                .when()
                .get("/api/training/competency")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("sort"));
        hr().queryParam("q", "x".repeat(201))
                .when()
                .get("/api/training/competency")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("q"));
        given().auth()
                .oauth2(accessToken("mark"))
                .queryParam("sort", "weakest")
                .when()
                .get("/api/training/competency")
                .then()
                .statusCode(200)
                .body("businessUnit", org.hamcrest.Matchers.equalTo("Sales EMEA"));
        given().auth()
                .oauth2(accessToken("mark"))
                .queryParam("businessUnit", "Support")
                .queryParam("q", "carol")
                .when()
                .get("/api/training/competency")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(accessToken("erin"))
                .queryParam("sort", "weakest")
                .when()
                .get("/api/training/competency")
                .then()
                .statusCode(403);
    }

    @Test
    void tenThousandPeopleTheWeakestPageUnderASecond() {
        String unit = Catalogue.unique("Matrix");
        String run = Catalogue.unique("k");
        String[] skills = {Catalogue.skill(), Catalogue.skill(), Catalogue.skill()};
        Roster.sql(
                pool,
                "insert into person (user_id, display_name, business_unit, job_role)"
                        + " select $1 || '-' || i, 'Person ' || i, $2, 'sales-rep' from generate_series(1, $3) i",
                run,
                unit,
                PEOPLE);
        // everyone scored on the three skills except the last hundred; person i scores (i * 7 + skill) % 100
        Roster.sql(pool, """
                insert into skill_score (user_id, skill, score, passed, attempt_id, business_unit, job_role, scored_at)
                select $1 || '-' || i, s.skill, (i * 7 + s.n) % 100, (i * 7 + s.n) % 100 >= 70, gen_random_uuid(), $2, 'sales-rep', now()
                from generate_series(1, $3 - 100) i cross join unnest($4::varchar[]) with ordinality as s(skill, n)""", run, unit, PEOPLE, skills);
        Roster.sql(pool, "analyze skill_score");
        Roster.sql(pool, "analyze person");
        matrix(hr().queryParam("businessUnit", unit)
                .queryParam("sort", "weakest")
                .queryParam("size", 1)); // warm

        long started = System.nanoTime();
        JsonPath page = matrix(hr().queryParam("businessUnit", unit)
                .queryParam("skill", skills[1])
                .queryParam("sort", "weakest")
                .queryParam("size", 100));
        long oneSkill = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        JsonPath anySkill = matrix(hr().queryParam("businessUnit", unit)
                .queryParam("sort", "weakest")
                .queryParam("page", 99)
                .queryParam("size", 100));
        long allSkills = (System.nanoTime() - started) / 1_000_000;

        assertThat(page.getLong("total")).isEqualTo(PEOPLE - 100);
        assertThat(page.getList("people")).hasSize(100);
        assertThat(page.getList("people.scores." + skills[1], Integer.class))
                .as("the weakest on the skill first")
                .isSorted()
                .startsWith(0)
                .allMatch(score -> score <= 1); // 99 people score 0 on it, then 1s
        assertThat(page.getString("people[0].displayName")).startsWith("Person ");
        // the last page: the hundred never scored
        assertThat(anySkill.getLong("total")).isEqualTo(PEOPLE);
        assertThat(anySkill.getList("people.scores", java.util.Map.class)).allMatch(java.util.Map::isEmpty);
        assertThat(oneSkill)
                .as("a page of the weakest on one skill of %d people took %d ms", PEOPLE, oneSkill)
                .isLessThan(1_000);
        assertThat(allSkills)
                .as("a page of the weakest on any skill of %d people took %d ms", PEOPLE, allSkills)
                .isLessThan(1_000);
    }
}
