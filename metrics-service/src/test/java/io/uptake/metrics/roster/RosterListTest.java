package io.uptake.metrics.roster;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.testsupport.KeycloakTokens.connectorToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The roster list (filters, search, paging, access), its units and roles, and the import's dry run. */
@QuarkusTest
class RosterListTest {

    private static final String PEOPLE = "/api/metrics/people";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final Pool pool;
    private final PeopleProbe published;

    RosterListTest(Pool pool, PeopleProbe published) {
        this.pool = pool;
        this.published = published;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Five people of a unit of their own (one a leaver), imported by an admin; their user ids by name order. */
    private static List<String> unitOfFive(String unit) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String csv = """
                userId,displayName,businessUnit,jobRole,active
                z-%1$s,Zoe Zed,%2$s,r1,true
                a-%1$s,anna Apple,%2$s,r1,true
                b-%1$s,Bob Bright,%2$s,r2,true
                o-%1$s,Ben Old,%2$s,r1,false
                c-%1$s,Cara 50%%_off,%2$s,r2,true
                """.formatted(id, unit);
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType("text/csv")
                .body(csv)
                .when()
                .post(PEOPLE + "/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(5));
        return List.of("a-" + id, "o-" + id, "b-" + id, "c-" + id, "z-" + id);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(accessToken(user));
    }

    /** The list of the unit, with more query parameters as name, value pairs. */
    private static JsonPath list(String user, String unit, String... more) {
        RequestSpecification request = as(user).queryParam("businessUnit", unit);
        for (int i = 0; i < more.length; i += 2) {
            request = request.queryParam(more[i], more[i + 1]);
        }
        return request.when().get(PEOPLE).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anAdminFiltersSearchesAndPagesWithAnHonestTotal() {
        String unit = "List-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> byName = unitOfFive(unit);

        JsonPath all = list("adam", unit);
        assertThat(all.getList("items.userId")).containsExactlyElementsOf(byName);
        assertThat(all.getLong("total")).isEqualTo(5);
        assertThat(all.getString("items[0].displayName")).isEqualTo("anna Apple");
        assertThat(all.getString("items[0].jobRole")).isEqualTo("r1");
        assertThat(all.getString("items[0].businessUnit")).isEqualTo(unit);

        JsonPath second = list("adam", unit, "size", "2", "page", "1");
        assertThat(second.getList("items.userId")).containsExactlyElementsOf(byName.subList(2, 4));
        assertThat(second.getLong("total")).isEqualTo(5);
        JsonPath beyond = list("adam", unit, "size", "2", "page", "9");
        assertThat(beyond.getList("items")).isEmpty();
        assertThat(beyond.getLong("total")).as("past the last page").isEqualTo(5);

        assertThat(list("adam", unit, "q", "BRIGHT").getList("items.userId")).containsExactly(byName.get(2));
        assertThat(list("adam", unit, "q", byName.get(4).substring(0, 4)).getList("items.userId"))
                .containsExactly(byName.get(4));
        assertThat(list("adam", unit, "q", "50%_").getList("items.userId"))
                .as("% and _ are matched as themselves")
                .containsExactly(byName.get(3));
        assertThat(list("adam", unit, "q", "%").getList("items.userId")).containsExactly(byName.get(3));
        assertThat(list("adam", unit, "active", "false").getList("items.userId"))
                .containsExactly(byName.get(1));
        assertThat(list("adam", unit, "active", "true").getLong("total")).isEqualTo(4);
        assertThat(list("adam", unit, "jobRole", "r2").getList("items.userId"))
                .containsExactly(byName.get(2), byName.get(3));
        assertThat(list("hana", unit).getLong("total")).as("HR lists any unit").isEqualTo(5);
    }

    @Test
    void badParametersAre400NamingTheField() {
        for (String[] bad : new String[][] {
            {"size", "501"}, {"size", "0"}, {"page", "-1"}, {"active", "maybe"}, {"q", "x".repeat(201)}
        }) {
            as("adam")
                    .queryParam(bad[0], bad[1])
                    .when()
                    .get(PEOPLE)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("errors.field", hasItem(bad[0]));
        }
    }

    @Test
    void aManagerListsTheirOwnUnitOnlyAndOthersAreRefused() {
        String unit = "List-" + UUID.randomUUID().toString().substring(0, 8);
        unitOfFive(unit);
        String sales = io.uptake.metrics.support.Fixtures.person("sales", "Sales EMEA", "sales-rep", false);
        JsonPath own = as("mark")
                .when()
                .get(PEOPLE + "?size=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(own.getList("items.businessUnit", String.class)).containsOnly("Sales EMEA");
        assertThat(list("mark", "Sales EMEA", "q", sales).getList("items.userId"))
                .containsExactly(sales);
        as("mark")
                .queryParam("businessUnit", "Sales EMEA")
                .when()
                .get(PEOPLE)
                .then()
                .statusCode(200);
        as("mark")
                .queryParam("businessUnit", unit)
                .when()
                .get(PEOPLE)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("own business unit"));
        for (String refused : List.of("alice", "erin")) {
            as(refused).when().get(PEOPLE).then().statusCode(403).contentType(PROBLEM_JSON);
        }
        given().auth().oauth2(connectorToken()).when().get(PEOPLE).then().statusCode(403);
        given().when().get(PEOPLE).then().statusCode(401);
    }

    @Test
    void theUnitsAndRolesAreDistinctAndSorted() {
        String unit = "List-" + UUID.randomUUID().toString().substring(0, 8);
        unitOfFive(unit);
        JsonPath groups = as("adam")
                .when()
                .get("/api/metrics/roster/groups")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> units = groups.getList("businessUnits", String.class);
        List<String> roles = groups.getList("jobRoles", String.class);
        assertThat(units).contains(unit).doesNotHaveDuplicates().isSorted();
        assertThat(roles).contains("r1", "r2").doesNotHaveDuplicates().isSorted();
        for (String allowed : List.of("mark", "hana", "erin")) {
            as(allowed)
                    .when()
                    .get("/api/metrics/roster/groups")
                    .then()
                    .statusCode(200)
                    .body("businessUnits", hasItem(unit));
        }
        as("alice").when().get("/api/metrics/roster/groups").then().statusCode(403);
    }

    private long rows(String table, List<String> users) {
        String column = table.equals("outbox") ? "key" : "user_id";
        return pool.preparedQuery("select count(*) as n from " + table + " where " + column + " = any($1)")
                .execute(Tuple.of(users.toArray(String[]::new)))
                .map(result -> result.iterator().next().getLong("n"))
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    private List<Long> footprint(List<String> users) {
        List<Long> counts = new ArrayList<>();
        for (String table : List.of("person", "person_membership", "outbox")) {
            counts.add(rows(table, users));
        }
        return counts;
    }

    @Test
    void aDryRunAnswersAsTheImportWouldAndWritesNothing() {
        String unit = "List-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> five = unitOfFive(unit);
        String fresh = "dry-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = """
                userId,displayName,businessUnit,jobRole,active
                %s,Anna Renamed,%s,r1,true
                %s,Bob Bright,%s,r2,true
                %s,New Person,%s,r1,true
                bad id!,Nobody,%s,r1,true
                """.formatted(five.get(0), unit, five.get(2), unit, fresh, unit, unit);
        List<String> touched = List.of(five.get(0), five.get(2), fresh);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows("outbox", touched) == 0); // the first import, published
        List<Long> before = footprint(touched);

        for (int run = 0; run < 2; run++) { // a dry run answers the same every time: it changed nothing
            given().auth()
                    .oauth2(accessToken("adam"))
                    .contentType("text/csv")
                    .body(csv)
                    .when()
                    .post(PEOPLE + "/import?dryRun=true")
                    .then()
                    .statusCode(200)
                    .body("created", equalTo(1))
                    .body("updated", equalTo(1))
                    .body("unchanged", equalTo(1))
                    .body("rejected", hasSize(1))
                    .body("rejected[0].row", equalTo(4))
                    .body("rejected[0].errors[0]", containsString("userId"));
        }
        assertThat(footprint(touched)).as("person, history and outbox rows").isEqualTo(before);
        as("adam").when().get(PEOPLE + "/" + fresh).then().statusCode(404);
        as("adam").when().get(PEOPLE + "/" + five.get(0)).then().body("displayName", equalTo("anna Apple"));

        given().auth()
                .oauth2(accessToken("adam"))
                .contentType("text/csv")
                .body(csv)
                .when()
                .post(PEOPLE + "/import?dryRun=false")
                .then()
                .statusCode(200)
                .body("created", equalTo(1))
                .body("updated", equalTo(1));
        // a last change of the same person (same key, same partition) arrives after anything written before it
        as("adam")
                .contentType(ContentType.JSON)
                .body("{\"displayName\":\"Sentinel\",\"businessUnit\":\"%s\",\"jobRole\":\"r1\"}".formatted(unit))
                .when()
                .put(PEOPLE + "/" + five.get(0))
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> !published.valuesFor(five.get(0)).isEmpty()
                        && published.valuesFor(five.get(0)).getLast().contains("Sentinel"));
        assertThat(published.valuesFor(five.get(0)))
                .as("the first import, the real one and the last change: nothing from the dry runs")
                .hasSize(3);
        assertThat(published.valuesFor(fresh)).hasSize(1);

        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body("[{\"userId\":\"%s\",\"displayName\":\"X\",\"businessUnit\":\"U\",\"jobRole\":\"r\"}]"
                        .formatted(fresh))
                .when()
                .post(PEOPLE + "/import?dryRun=yes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("dryRun"));
        as("hana")
                .contentType("text/csv")
                .body(csv)
                .when()
                .post(PEOPLE + "/import?dryRun=true")
                .then()
                .statusCode(403);
    }
}
