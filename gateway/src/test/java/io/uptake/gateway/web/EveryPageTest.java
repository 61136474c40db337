package io.uptake.gateway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.uptake.gateway.support.AllServices;
import io.uptake.gateway.support.WebPages;
import io.uptake.testsupport.KeycloakTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page of the web app, opened by the person it is for: each passes the reviewer's checks (axe at both
 * widths, no sideways scrolling on a phone, no script error, no "undefined" or "()"), and where a person on the
 * roster is listed, they are listed by name, never by their user id.
 */
@QuarkusTest
@WithTestResource(AllServices.class)
class EveryPageTest {

    private static final String PERSON_ID =
            "named-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String PERSON_NAME = "Nadia Named " + PERSON_ID.substring(6);

    private static WebPages web;

    /** Chromium starts with the first test: the gateway's port is known once Quarkus runs. */
    @BeforeEach
    void startChromium() throws Exception {
        if (web == null) {
            web = WebPages.open(RestAssured.baseURI + ":" + RestAssured.port);
        }
    }

    @AfterAll
    static void stopChromium() throws Exception {
        if (web != null) {
            web.close();
            web = null;
        }
    }

    /** Someone of mark's unit who is below their objectives, with a name and an id that differ. */
    private static void aNamedShortfall() {
        String admin = KeycloakTokens.cachedAccessToken("adam");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "displayName",
                        PERSON_NAME,
                        "businessUnit",
                        "Sales EMEA",
                        "jobRole",
                        "sales-rep",
                        "executive",
                        false,
                        "active",
                        true))
                .when()
                .put("/api/metrics/people/" + PERSON_ID)
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"expectations\":[{\"metric\":\"active-days\",\"period\":\"week\",\"min\":3}]}")
                .when()
                .put("/api/metrics/objectives/Sales EMEA/sales-rep")
                .then()
                .statusCode(200);
    }

    /** A catalogue entry whose description is one long unbroken word, as an import from another tool can leave. */
    private static void anActionWithAnUnbrokenDescription() {
        given().auth()
                .oauth2(KeycloakTokens.cachedAccessToken("adam"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Unbroken", "description", "https://crm.example/" + "x".repeat(400)))
                .when()
                .put("/api/metrics/actions/web.unbroken-" + PERSON_ID.substring(6))
                .then()
                .statusCode(201);
    }

    private void everyPageOf(String user, List<String> paths) {
        try (BrowserContext profile = web.newContext()) {
            Page page = web.signIn(profile, user, paths.getFirst());
            for (String path : paths) {
                web.visit(page, path);
                web.check(page, "page-" + user + path.replaceAll("\\W+", "-"));
                if (!path.equals("/web/admin/roster")) { // the roster is where the CRM team keeps each person's user id
                    assertThat(page.locator("main").innerText()).as(path).doesNotContain(PERSON_ID);
                }
            }
        }
    }

    @Test
    void anEmployeesPages() {
        everyPageOf("alice", List.of("/web/", "/web/feedback", "/web/feedback/new", "/web/inbox"));
    }

    @Test
    void aManagersPagesNameThePeopleTheyList() {
        aNamedShortfall();
        everyPageOf("mark", List.of("/web/team", "/web/adoption", "/web/people/" + PERSON_ID, "/web/inbox"));
        try (BrowserContext profile = web.newContext()) {
            Page page = web.signIn(profile, "mark", "/web/team?q=" + PERSON_ID.substring(6));
            WebPages.waitForData(page);
            assertThat(page.getByTestId("team")).containsText(PERSON_NAME);
        }
    }

    @Test
    void anExecutivesPages() {
        everyPageOf("erin", List.of("/web/adoption", "/web/feedback"));
    }

    @Test
    void theCrmTeamsPages() {
        anActionWithAnUnbrokenDescription();
        everyPageOf(
                "adam",
                List.of(
                        "/web/triage",
                        "/web/admin/roster",
                        "/web/admin/objectives",
                        "/web/admin/catalogue",
                        "/web/admin/webhooks",
                        "/web/admin/process-rules",
                        "/web/admin/root-causes",
                        "/web/admin/connectors"));
    }

    @Test
    void hrsPages() {
        everyPageOf(
                "hana",
                List.of(
                        "/web/hr/matrix",
                        "/web/hr/assignments",
                        "/web/hr/sessions",
                        "/web/hr/recertifications",
                        "/web/hr/policies",
                        "/web/hr/effectiveness",
                        "/web/hr/catalogue"));
    }
}
