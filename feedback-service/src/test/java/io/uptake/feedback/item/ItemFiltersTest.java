package io.uptake.feedback.item;

import static io.restassured.RestAssured.given;
import static io.uptake.feedback.support.Items.ITEMS;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.uptake.feedback.support.Items;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "My items" ({@code mine=true}) and "items I voted for or follow" ({@code involved=true}) return exactly the
 * expected items, paged, with real tokens; each test's items share a search word so that earlier items stay out.
 */
@QuarkusTest
class ItemFiltersTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void mineIsExactlyTheCallersItemsAnonymousOnesIncluded() {
        String marker = marker();
        String alice = accessToken("alice");
        String bob = accessToken("bob");
        long named = Items.submit(alice, "Named " + marker);
        long anonymous = submitAnonymously(alice, "Unnamed " + marker);
        long bobs = Items.submit(bob, "Bobs " + marker);

        assertThat(ids(alice, Map.of("mine", "true", "q", marker))).containsExactlyInAnyOrder(named, anonymous);
        assertThat(ids(bob, Map.of("mine", "true", "q", marker))).containsExactly(bobs);
        assertThat(ids(accessToken("carol"), Map.of("mine", "true", "q", marker)))
                .isEmpty();
        assertThat(ids(bob, Map.of("q", marker))).containsExactlyInAnyOrder(named, anonymous, bobs);
        // paged like every list: newest first
        given().auth()
                .oauth2(alice)
                .queryParam("mine", true)
                .queryParam("q", marker)
                .queryParam("sort", "newest")
                .queryParam("size", 1)
                .queryParam("page", 1)
                .when()
                .get(ITEMS)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("size", equalTo(1))
                .body("items.id", equalTo(List.of((int) named)));
    }

    @Test
    void involvedIsExactlyWhatTheCallerVotedForOrFollows() {
        String marker = marker();
        String alice = accessToken("alice");
        String bob = accessToken("bob");
        String carol = accessToken("carol");
        long voted = Items.submit(alice, "Voted " + marker);
        long followed = Items.submit(bob, "Followed " + marker);
        long both = Items.submit(alice, "Both " + marker);
        long untouched = Items.submit(alice, "Untouched " + marker);
        long unvoted = Items.submit(bob, "Unvoted " + marker);
        act(carol, "PUT", voted, "vote", 200);
        act(carol, "PUT", followed, "follow", 204);
        act(carol, "PUT", both, "vote", 200);
        act(carol, "PUT", both, "follow", 204);
        act(carol, "PUT", unvoted, "vote", 200);
        act(carol, "DELETE", unvoted, "vote", 200);
        act(bob, "PUT", untouched, "vote", 200);

        assertThat(ids(carol, Map.of("involved", "true", "q", marker)))
                .containsExactlyInAnyOrder(voted, followed, both);
        assertThat(ids(bob, Map.of("involved", "true", "q", marker))).containsExactly(untouched);
        assertThat(ids(alice, Map.of("involved", "true", "q", marker))).isEmpty();
        // both flags: the caller submitted it and votes for or follows it
        assertThat(ids(carol, Map.of("involved", "true", "mine", "true", "q", marker)))
                .isEmpty();
        act(alice, "PUT", both, "follow", 204);
        assertThat(ids(alice, Map.of("involved", "true", "mine", "true", "q", marker)))
                .containsExactly(both);
        given().auth()
                .oauth2(carol)
                .queryParam("involved", true)
                .queryParam("q", marker)
                .queryParam("size", 2)
                .when()
                .get(ITEMS)
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.size()", equalTo(2));
    }

    @Test
    void aFlagThatIsNotABooleanIsA400NamingIt() {
        for (String flag : List.of("mine", "involved")) {
            given().auth()
                    .oauth2(accessToken("alice"))
                    .queryParam(flag, "yes please")
                    .when()
                    .get(ITEMS)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(flag));
        }
    }

    private static long submitAnonymously(String token, String title) {
        return ((Number) given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "kind",
                                "IDEA",
                                "title",
                                title,
                                "description",
                                "d",
                                "area",
                                "reports",
                                "anonymous",
                                true))
                        .when()
                        .post(ITEMS)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    private static void act(String token, String method, long id, String what, int status) {
        given().auth()
                .oauth2(token)
                .when()
                .request(method, ITEMS + "/" + id + "/" + what)
                .then()
                .statusCode(status);
    }

    private static List<Long> ids(String token, Map<String, String> query) {
        JsonPath page = given().auth()
                .oauth2(token)
                .queryParams(query)
                .queryParam("size", 200)
                .when()
                .get(ITEMS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Long> ids = page.getList("items.id", Long.class);
        assertThat(page.getLong("total")).isEqualTo(ids.size());
        return ids;
    }

    /** A word of letters only, so that the full-text search finds exactly this test's items. */
    private static String marker() {
        StringBuilder letters = new StringBuilder("flt");
        for (char c : UUID.randomUUID().toString().replace("-", "").toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return letters.substring(0, 15);
    }
}
