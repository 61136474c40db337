package io.uptake.metrics.objective;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ObjectiveResourceTest {

    private static final String OBJECTIVES = "/api/metrics/objectives/";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String WEEKLY = """
            {"expectations":[{"metric":"active-days","period":"week","min":4},{"metric":"action:record.created","period":"week","min":10}]}""";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aChangeKeepsTheEarlierVersionInTheHistory() {
        String unit = "Unit " + UUID.randomUUID().toString().substring(0, 8);
        String admin = accessToken("adam");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(WEEKLY)
                .when()
                .put(OBJECTIVES + unit + "/sales-rep")
                .then()
                .statusCode(200)
                .body("businessUnit", equalTo(unit))
                .body("setBy", equalTo("adam"))
                .body("validTo", nullValue())
                .body("expectations", hasSize(2));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"expectations\":[{\"metric\":\"active-days\",\"period\":\"month\",\"min\":15}]}")
                .when()
                .put(OBJECTIVES + unit + "/sales-rep")
                .then()
                .statusCode(200)
                .body("expectations[0].period", equalTo("month"));

        given().auth()
                .oauth2(accessToken("alice"))
                .queryParam("businessUnit", unit)
                .when()
                .get("/api/metrics/objectives")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].expectations[0].min", equalTo(15));
        given().auth()
                .oauth2(accessToken("alice"))
                .when()
                .get(OBJECTIVES + unit + "/sales-rep/history")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("[0].validTo", nullValue())
                .body("[1].validTo", notNullValue())
                .body("[1].expectations[1].metric", equalTo("action:record.created"));
    }

    @Test
    void onlyAdminsSetObjectivesAndBadOnesAreNamed() {
        String unit = "Unit " + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(accessToken("mark"))
                .contentType(ContentType.JSON)
                .body(WEEKLY)
                .when()
                .put(OBJECTIVES + unit + "/sales-rep")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body("""
                        {"expectations":[{"metric":"logins","period":"week","min":1},{"metric":"active-days","period":"year","min":-1},
                         {"metric":"action:record.teleported","period":"week","min":1},{"metric":"active-days","period":"day","min":1}]}""")
                .when()
                .put(OBJECTIVES + unit + "/sales-rep")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body(
                        "errors.field",
                        hasItems("expectations[0].metric", "expectations[1].period", "expectations[1].min"));
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body("""
                        {"expectations":[{"metric":"action:record.teleported","period":"week","min":1},{"metric":"active-days","period":"day","min":1}]}""")
                .when()
                .put(OBJECTIVES + unit + "/sales-rep")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("expectations[0].metric", "expectations[1].period"));
        given().auth()
                .oauth2(accessToken("adam"))
                .when()
                .get(OBJECTIVES + unit + "/sales-rep/history")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
    }
}
