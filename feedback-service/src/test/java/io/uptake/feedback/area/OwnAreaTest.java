package io.uptake.feedback.area;

import static io.restassured.RestAssured.given;
import static io.uptake.feedback.support.Items.ITEMS;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The organisation's own areas: added (409 on a duplicate), used by a new item, deactivated and activated again. */
@QuarkusTest
class OwnAreaTest {

    private static final String AREAS = "/api/feedback/areas";
    private static final String PROBLEM_JSON = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anOwnAreaTakesItemsUntilItIsDeactivated() {
        String admin = accessToken("adam");
        String alice = accessToken("alice");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String code = "field-sales.visits-" + suffix;
        String name = "Field visits " + suffix;

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", " " + name + " ", "description", "Planning customer visits"))
                .when()
                .post(AREAS)
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith(AREAS + "/" + code))
                .body("code", equalTo(code))
                .body("name", equalTo(name))
                .body("active", equalTo(true));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Another name " + suffix))
                .when()
                .post(AREAS)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("code", code + "-two", "name", name.toUpperCase()))
                .when()
                .post(AREAS)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON);
        given().auth()
                .oauth2(alice)
                .queryParam("size", 500)
                .when()
                .get(AREAS)
                .then()
                .statusCode(200)
                .body("items.code", hasItem(code));

        given().auth()
                .oauth2(alice)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "IDEA", "title", "Visits " + suffix, "description", "d", "area", code))
                .when()
                .post(ITEMS)
                .then()
                .statusCode(201)
                .body("area", equalTo(code));

        given().auth()
                .oauth2(admin)
                .when()
                .post(AREAS + "/" + code + "/deactivate")
                .then()
                .statusCode(200)
                .body("active", equalTo(false));
        given().auth()
                .oauth2(alice)
                .queryParam("size", 500)
                .when()
                .get(AREAS)
                .then()
                .statusCode(200)
                .body("items.code", not(hasItem(code)));
        given().auth()
                .oauth2(admin)
                .queryParam("inactive", true)
                .queryParam("size", 500)
                .when()
                .get(AREAS)
                .then()
                .statusCode(200)
                .body("items.find { it.code == '" + code + "' }.active", equalTo(false));
        String refusedTitle = "Refused " + suffix;
        given().auth()
                .oauth2(alice)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "IDEA", "title", refusedTitle, "description", "d", "area", code))
                .when()
                .post(ITEMS)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("area"));
        List<String> titles = given().auth()
                .oauth2(alice)
                .queryParam("mine", true)
                .queryParam("area", code)
                .when()
                .get(ITEMS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.title", String.class);
        assertThat(titles).containsExactly("Visits " + suffix);

        given().auth()
                .oauth2(admin)
                .when()
                .post(AREAS + "/" + code + "/activate")
                .then()
                .statusCode(200)
                .body("active", equalTo(true));
        given().auth()
                .oauth2(alice)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "IDEA", "title", "Again " + suffix, "description", "d", "area", code))
                .when()
                .post(ITEMS)
                .then()
                .statusCode(201);
    }

    @Test
    void badAreasAre400sNamingTheFieldAndOnlyAdminsAddThem() {
        String admin = accessToken("adam");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("code", "Not A Code", "name", " "))
                .when()
                .post(AREAS)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("name"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "No code"))
                .when()
                .post(AREAS)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("code"));
        given().auth()
                .oauth2(accessToken("alice"))
                .contentType(ContentType.JSON)
                .body(Map.of("code", "mine-" + UUID.randomUUID().toString().substring(0, 8), "name", "Mine"))
                .when()
                .post(AREAS)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        given().auth()
                .oauth2(admin)
                .when()
                .post(AREAS + "/no-such-area-" + UUID.randomUUID().toString().substring(0, 8) + "/deactivate")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }
}
