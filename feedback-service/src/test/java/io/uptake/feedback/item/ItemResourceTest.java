package io.uptake.feedback.item;

import static io.restassured.RestAssured.given;
import static io.uptake.feedback.support.Items.ITEMS;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.uptake.feedback.support.Items;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Submitting, reading, listing, searching, voting, following and commenting, with real tokens. */
@QuarkusTest
class ItemResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String HOSTILE_TITLE =
            "<script>alert('x')</script> '; drop table feedback_item; -- \uD83D\uDE80\uD83C\uDF89 ünïcødé";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anItemIsSubmittedWithALocationAndReadBackExactly() {
        String description = "x<b>y</b> \uD83D\uDE00 ".repeat(100_000 / 16) + "end";
        assertThat(description.length()).isLessThanOrEqualTo(ItemLimits.DESCRIPTION);
        Response created = given().auth()
                .oauth2(accessToken("alice"))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "PROBLEM", "title", HOSTILE_TITLE, "description", description, "area", "reports"))
                .when()
                .post(ITEMS)
                .then()
                .statusCode(201)
                .body("status", equalTo("SUBMITTED"))
                .body("submittedBy", equalTo("alice"))
                .body("submitterName", equalTo("Alice Andersen"))
                .body("businessUnit", equalTo("Sales EMEA"))
                .body("votes", equalTo(0))
                .extract()
                .response();
        String location = created.header("Location");
        assertThat(location).endsWith(ITEMS + "/" + created.path("id"));

        given().auth()
                .oauth2(accessToken("bob"))
                .when()
                .get(location)
                .then()
                .statusCode(200)
                .body("title", equalTo(HOSTILE_TITLE))
                .body("description", equalTo(description))
                .body("kind", equalTo("PROBLEM"))
                .body("submitterName", equalTo("Alice Andersen"))
                .body("createdAt", not(equalTo(null)));
    }

    @Test
    void badItemsAreRefusedNamingTheFieldAndNothingIsStored() {
        String marker = "refused-" + UUID.randomUUID();
        String alice = accessToken("alice");
        List<Map<String, Object>> bad = List.of(
                Map.of("kind", "WISH", "title", marker, "description", "d", "area", "reports"),
                Map.of("kind", "IDEA", "title", marker, "description", "d", "area", "no-such-area"),
                Map.of(
                        "kind",
                        "IDEA",
                        "title",
                        marker,
                        "description",
                        "d".repeat(ItemLimits.DESCRIPTION + 1),
                        "area",
                        "reports"),
                Map.of(
                        "kind",
                        "IDEA",
                        "title",
                        marker + "t".repeat(ItemLimits.TITLE),
                        "description",
                        "d",
                        "area",
                        "reports"),
                Map.of("kind", "IDEA", "description", "d", "area", "reports"));
        List<String> fields = List.of("kind", "area", "description", "title", "title");
        for (int i = 0; i < bad.size(); i++) {
            given().auth()
                    .oauth2(alice)
                    .contentType(ContentType.JSON)
                    .body(bad.get(i))
                    .when()
                    .post(ITEMS)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("errors.field", hasItem(fields.get(i)));
        }
        given().auth()
                .oauth2(alice)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "kind",
                        "IDEA",
                        "title",
                        marker,
                        "description",
                        "d".repeat(11 * 1024 * 1024),
                        "area",
                        "reports"))
                .when()
                .post(ITEMS)
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("body"));
        given().auth()
                .oauth2(alice)
                .contentType(ContentType.JSON)
                .body("{\"kind\":\"IDEA\",")
                .when()
                .post(ITEMS)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
        given().auth()
                .oauth2(alice)
                .queryParam("q", marker)
                .when()
                .get(ITEMS)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().auth()
                .oauth2(alice)
                .queryParam("sort", "loudest")
                .when()
                .get(ITEMS)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("sort"));
        given().auth()
                .oauth2(alice)
                .when()
                .get(ITEMS + "/999999999")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void searchIsRankedFiltersApplyAndVotesSort() {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String alice = accessToken("alice");
        long unrelated = Items.submit(alice, "Export pipeline report");
        long inDescription = ((Number) given().auth()
                        .oauth2(alice)
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "kind",
                                "PROBLEM",
                                "title",
                                "Dashboard filters",
                                "description",
                                "the " + word + " dashboard needs filters",
                                "area",
                                "reports"))
                        .when()
                        .post(ITEMS)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        long inTitle = Items.submit(alice, "Faster " + word + " exports");
        given().auth()
                .oauth2(accessToken("bob"))
                .when()
                .put(ITEMS + "/" + inDescription + "/vote")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(alice)
                .queryParam("q", word)
                .when()
                .get(ITEMS)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].id", equalTo((int) inTitle))
                .body("items[1].id", equalTo((int) inDescription))
                .body("items.id", not(hasItem((int) unrelated)));
        given().auth()
                .oauth2(alice)
                .queryParam("q", word)
                .queryParam("sort", "votes")
                .when()
                .get(ITEMS)
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo((int) inDescription))
                .body("items[0].votes", equalTo(1));
        given().auth()
                .oauth2(alice)
                .queryParam("q", word)
                .queryParam("kind", "idea")
                .queryParam("status", "SUBMITTED")
                .queryParam("area", "reports")
                .when()
                .get(ITEMS)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.kind", everyItem(equalTo("IDEA")));
        given().auth()
                .oauth2(alice)
                .queryParam("q", word)
                .queryParam("size", 1)
                .queryParam("page", 1)
                .when()
                .get(ITEMS)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("size", equalTo(1))
                .body("page", equalTo(1))
                .body("items.size()", equalTo(1));
    }

    @Test
    void listTotalsFollowSubmissionsAndMoves() {
        String alice = accessToken("alice");
        String submitted = "?kind=QUESTION&area=mobile&status=SUBMITTED";
        String acknowledged = "?kind=QUESTION&area=mobile&status=ACKNOWLEDGED";
        int submittedBefore = total(alice, submitted);
        int acknowledgedBefore = total(alice, acknowledged);
        int id = given().auth()
                .oauth2(alice)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "kind",
                        "QUESTION",
                        "title",
                        "Offline mode?",
                        "description",
                        "Does it work offline?",
                        "area",
                        "mobile"))
                .when()
                .post(ITEMS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(total(alice, submitted)).isEqualTo(submittedBefore + 1);
        Items.move(accessToken("adam"), id, Status.ACKNOWLEDGED, null);
        assertThat(total(alice, submitted)).isEqualTo(submittedBefore);
        assertThat(total(alice, acknowledged)).isEqualTo(acknowledgedBefore + 1);
    }

    @Test
    void mineListsOnlyWhatTheCallerSent() {
        String carol = accessToken("carol");
        String bob = accessToken("bob");
        int carolsBefore = total(carol, "?mine=true");
        String title = "Mine " + UUID.randomUUID();
        int id = given().auth()
                .oauth2(carol)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "IDEA", "title", title, "description", "Only mine", "area", "mobile"))
                .when()
                .post(ITEMS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(bob)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "IDEA", "title", "Not carol's " + title, "description", "Bob's", "area", "mobile"))
                .when()
                .post(ITEMS)
                .then()
                .statusCode(201);
        assertThat(total(carol, "?mine=true")).isEqualTo(carolsBefore + 1);
        given().auth()
                .oauth2(carol)
                .when()
                .get(ITEMS + "?mine=true&sort=newest&size=200")
                .then()
                .statusCode(200)
                .body("items.submittedBy", everyItem(equalTo("carol")))
                .body("items[0].submitterName", equalTo("Carol Costa"))
                .body("items[0].id", equalTo(id));
        given().auth()
                .oauth2(carol)
                .when()
                .get(ITEMS + "?mine=yes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
    }

    private static int total(String token, String filter) {
        return given().auth()
                .oauth2(token)
                .when()
                .get(ITEMS + filter)
                .then()
                .statusCode(200)
                .extract()
                .path("total");
    }

    @Test
    void oneVotePerPersonFollowsAndOfficialComments() {
        long id = Items.submit(accessToken("alice"), "Vote for me " + UUID.randomUUID());
        String bob = accessToken("bob");
        given().auth()
                .oauth2(bob)
                .when()
                .put(ITEMS + "/" + id + "/vote")
                .then()
                .statusCode(200)
                .body("votes", equalTo(1));
        given().auth()
                .oauth2(bob)
                .when()
                .put(ITEMS + "/" + id + "/vote")
                .then()
                .statusCode(200)
                .body("votes", equalTo(1));
        given().auth()
                .oauth2(accessToken("carol"))
                .when()
                .put(ITEMS + "/" + id + "/vote")
                .then()
                .statusCode(200)
                .body("votes", equalTo(2));
        given().auth()
                .oauth2(bob)
                .when()
                .delete(ITEMS + "/" + id + "/vote")
                .then()
                .statusCode(200)
                .body("votes", equalTo(1));
        given().auth()
                .oauth2(bob)
                .when()
                .delete(ITEMS + "/" + id + "/vote")
                .then()
                .statusCode(200)
                .body("votes", equalTo(1));
        given().auth()
                .oauth2(bob)
                .when()
                .put(ITEMS + "/" + id + "/follow")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(bob)
                .when()
                .put(ITEMS + "/" + id + "/follow")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(bob)
                .when()
                .put(ITEMS + "/999999999/vote")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);

        given().auth()
                .oauth2(bob)
                .contentType(ContentType.JSON)
                .body(Map.of("body", "Same here \uD83D\uDC4D"))
                .when()
                .post(ITEMS + "/" + id + "/comments")
                .then()
                .statusCode(201)
                .body("official", equalTo(false));
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body(Map.of("body", "We are on it."))
                .when()
                .post(ITEMS + "/" + id + "/comments")
                .then()
                .statusCode(201)
                .body("official", equalTo(true))
                .body("author", equalTo("adam"))
                .body("authorName", equalTo("Adam Adler"));
        given().auth()
                .oauth2(bob)
                .contentType(ContentType.JSON)
                .body(Map.of("body", " "))
                .when()
                .post(ITEMS + "/" + id + "/comments")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("body"));
        given().auth()
                .oauth2(bob)
                .when()
                .get(ITEMS + "/" + id + "/comments")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].body", equalTo("Same here \uD83D\uDC4D"))
                .body("items[0].authorName", equalTo("Bob Brown"))
                .body("items[1].official", equalTo(true));
    }

    @Test
    void withoutATokenNothingIsReadable() {
        given().when().get(ITEMS).then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "IDEA"))
                .when()
                .post(ITEMS)
                .then()
                .statusCode(401);
        given().auth().oauth2("not-a-token").when().get(ITEMS).then().statusCode(401);
        given().auth()
                .oauth2(accessToken("alice"))
                .when()
                .get(ITEMS + "?size=500")
                .then()
                .statusCode(400)
                .body("detail", containsString("invalid"));
    }
}
