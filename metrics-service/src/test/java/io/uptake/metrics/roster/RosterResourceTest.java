package io.uptake.metrics.roster;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The roster: admin writes, the access rules for reading, imports, and publication to the people topic. */
@QuarkusTest
class RosterResourceTest {

    private static final String PEOPLE = "/api/metrics/people/";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String SALES = "Sales EMEA";
    private static final String SUPPORT = "Support";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PeopleProbe published;

    RosterResourceTest(PeopleProbe published) {
        this.published = published;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anAdminAddsThenChangesAPersonAndTheTopicCarriesEachState() throws Exception {
        String user = newUser();
        String admin = accessToken("adam");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(person("Dana Diaz", SALES, "sales-rep", false))
                .when()
                .put(PEOPLE + user)
                .then()
                .statusCode(201)
                .header("Location", containsString(PEOPLE + user))
                .body("userId", equalTo(user))
                .body("businessUnit", equalTo(SALES))
                .body("active", equalTo(true));

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(person("Dana Diaz", SALES, "sales-manager", false))
                .when()
                .put(PEOPLE + user)
                .then()
                .statusCode(200)
                .body("jobRole", equalTo("sales-manager"));

        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(published.valuesFor(user)).hasSize(2));
        List<String> values = published.valuesFor(user);
        assertThat(JSON.readTree(values.get(0)).get("jobRole").asText()).isEqualTo("sales-rep");
        assertThat(JSON.readTree(values.get(1)).get("jobRole").asText()).isEqualTo("sales-manager");
        assertThat(JSON.readTree(values.get(1)).get("businessUnit").asText()).isEqualTo(SALES);
    }

    @Test
    void readingFollowsTheAccessRules() {
        String salesPerson = newUser();
        String supportPerson = newUser();
        String admin = accessToken("adam");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(person("In Sales", SALES, "sales-rep", false))
                .when()
                .put(PEOPLE + salesPerson)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(person("In Support", SUPPORT, "support-agent", false))
                .when()
                .put(PEOPLE + supportPerson)
                .then()
                .statusCode(201);

        String manager = accessToken("mark");
        given().auth()
                .oauth2(manager)
                .when()
                .get(PEOPLE + salesPerson)
                .then()
                .statusCode(200)
                .body("displayName", equalTo("In Sales"));
        given().auth()
                .oauth2(manager)
                .when()
                .get(PEOPLE + supportPerson)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        given().auth()
                .oauth2(accessToken("alice"))
                .when()
                .get(PEOPLE + salesPerson)
                .then()
                .statusCode(403);
        given().auth().oauth2(admin).when().get(PEOPLE + supportPerson).then().statusCode(200);
        given().auth()
                .oauth2(admin)
                .when()
                .get(PEOPLE + newUser())
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aPersonReadsTheirOwnEntry() {
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body(person("Carol Costa", SUPPORT, "support-agent", false))
                .when()
                .put(PEOPLE + "carol")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        given().auth()
                .oauth2(accessToken("carol"))
                .when()
                .get(PEOPLE + "carol")
                .then()
                .statusCode(200)
                .body("businessUnit", equalTo(SUPPORT));
    }

    @Test
    void onlyAdminsWriteAndBadFieldsAreNamed() {
        String user = newUser();
        given().auth()
                .oauth2(accessToken("alice"))
                .contentType(ContentType.JSON)
                .body(person("X", SALES, "r", false))
                .when()
                .put(PEOPLE + user)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body("{\"displayName\":\"\",\"email\":\"not-an-address\",\"jobRole\":42,\"executive\":\"maybe\"}")
                .when()
                .put(PEOPLE + user)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItems("displayName", "email", "businessUnit", "jobRole", "executive"));
        given().auth()
                .oauth2(accessToken("adam"))
                .when()
                .get(PEOPLE + user)
                .then()
                .statusCode(404);
    }

    @Test
    void aCsvImportReportsEachRowAndASecondImportChangesNothing() {
        String first = newUser();
        String second = newUser();
        String csv = """
                userId,displayName,email,businessUnit,jobRole,managerId,executive,active
                %1$s,"Quoted, Name",q@example.com,Sales EMEA,sales-rep,mark,false,true
                %2$s,Plain Name,,Support,support-agent,,,
                bad id!,Nobody,,Support,support-agent,,,
                %1$s,Twice,,Support,support-agent,,,
                """.formatted(first, second);
        String admin = accessToken("adam");
        given().auth()
                .oauth2(admin)
                .contentType("text/csv")
                .body(csv)
                .when()
                .post(PEOPLE + "import")
                .then()
                .statusCode(200)
                .body("created", equalTo(2))
                .body("updated", equalTo(0))
                .body("rejected", hasSize(2))
                .body("rejected[0].row", equalTo(3))
                .body("rejected[0].errors[0]", containsString("userId"))
                .body("rejected[1].row", equalTo(4));
        given().auth()
                .oauth2(admin)
                .contentType("text/csv")
                .body(csv)
                .when()
                .post(PEOPLE + "import")
                .then()
                .statusCode(200)
                .body("created", equalTo(0))
                .body("unchanged", equalTo(2));
        given().auth()
                .oauth2(admin)
                .when()
                .get(PEOPLE + first)
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Quoted, Name"))
                .body("managerId", equalTo("mark"));
    }

    @Test
    void aCsvImportCarriesEachPersonsSalesforceUserIdAndNoIdGoesToTwoPeople() {
        String first = newUser();
        String second = newUser();
        String id =
                "005" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String csv = """
                userId,displayName,businessUnit,jobRole,salesforceId
                %1$s,First,Sales EMEA,sales-rep,%3$sAAA
                %2$s,Second,Sales EMEA,sales-rep,%3$s
                %2$s-b,Third,Sales EMEA,sales-rep,not-an-id
                """.formatted(first, second, id);
        String admin = accessToken("adam");
        given().auth()
                .oauth2(admin)
                .contentType("text/csv")
                .body(csv)
                .when()
                .post(PEOPLE + "import")
                .then()
                .statusCode(200)
                .body("created", equalTo(1))
                .body("rejected", hasSize(2))
                .body("rejected[0].row", equalTo(2))
                .body("rejected[0].errors[0]", equalTo("salesforceId: is already the id of " + first))
                .body("rejected[1].errors[0]", containsString("salesforceId: must be a Salesforce user id"));
        given().auth()
                .oauth2(admin)
                .when()
                .get(PEOPLE + first)
                .then()
                .statusCode(200)
                .body("externalIds.salesforce", equalTo(id));
    }

    @Test
    void aFiftyThousandRowFileImportsInOneRequest() {
        String prefix = "bulk-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        // Inactive, so that the other tests' reports do not carry 50,000 more people.
        StringBuilder csv = new StringBuilder("userId,displayName,businessUnit,jobRole,active\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append(prefix)
                    .append(i)
                    .append(",Person ")
                    .append(i)
                    .append(",Unit ")
                    .append(i % 40)
                    .append(",role-")
                    .append(i % 7)
                    .append(",false\n");
        }
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType("text/csv")
                .body(csv.toString())
                .when()
                .post(PEOPLE + "import")
                .then()
                .statusCode(200)
                .body("created", equalTo(50_000))
                .body("rejected", hasSize(0));
    }

    @Test
    void aJsonImportAndFilesThatCannotBeReadAre400() {
        String user = newUser();
        String admin = accessToken("adam");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(
                        "[{\"userId\":\"%s\",\"displayName\":\"J Son\",\"businessUnit\":\"Support\",\"jobRole\":\"support-agent\",\"executive\":true}, 7]"
                                .formatted(user))
                .when()
                .post(PEOPLE + "import")
                .then()
                .statusCode(200)
                .body("created", equalTo(1))
                .body("rejected[0].row", equalTo(2));
        given().auth()
                .oauth2(admin)
                .when()
                .get(PEOPLE + user)
                .then()
                .statusCode(200)
                .body("executive", equalTo(true));

        given().auth()
                .oauth2(admin)
                .contentType("text/csv")
                .body("userId,shoeSize\nx,42\n")
                .when()
                .post(PEOPLE + "import")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("shoeSize"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"not\":\"an array\"}")
                .when()
                .post(PEOPLE + "import")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
        given().auth()
                .oauth2(accessToken("alice"))
                .contentType("text/csv")
                .body("userId\nx\n")
                .when()
                .post(PEOPLE + "import")
                .then()
                .statusCode(403);
    }

    private static String newUser() {
        return "roster-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static String person(String name, String unit, String role, boolean executive) {
        return """
                {"displayName":"%s","email":"someone@example.com","businessUnit":"%s","jobRole":"%s","executive":%s}""".formatted(name, unit, role, executive);
    }
}
