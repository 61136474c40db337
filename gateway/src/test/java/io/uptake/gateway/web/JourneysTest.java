package io.uptake.gateway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.uptake.gateway.support.AllServices;
import io.uptake.gateway.support.WebPages;
import io.uptake.testsupport.KeycloakTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each person's day in the browser, as a real sequence through the pages, against the three packaged services
 * and real Keycloak sign-ins. Every page on the way passes the reviewer's checks ({@link WebPages#check}).
 */
@QuarkusTest
@WithTestResource(AllServices.class)
class JourneysTest {

    private static WebPages web;
    private final List<BrowserContext> profiles = new ArrayList<>();

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

    @BeforeEach
    void clearProfiles() {
        profiles.clear();
    }

    @AfterEach
    void closeProfiles() {
        profiles.forEach(BrowserContext::close);
    }

    /** Signs the user in, in a browser profile of their own. */
    private Page as(String user, String path) {
        BrowserContext profile = web.newContext();
        profiles.add(profile);
        Page page = web.signIn(profile, user, path);
        WebPages.waitForData(page);
        return page;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static String token(String user) {
        return KeycloakTokens.cachedAccessToken(user);
    }

    private static void putPerson(String userId, String name, String unit, String role) {
        given().auth()
                .oauth2(token("adam"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "displayName", name, "businessUnit", unit, "jobRole", role, "executive", false, "active", true))
                .when()
                .put("/api/metrics/people/" + userId)
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @Test
    void aliceSendsAnAnonymousIdeaThatAdamImplementsAndHerInboxTellsHer() {
        String title = "Anonymous idea " + suffix();
        Page alice = as("alice", "/web/feedback/new");
        alice.locator("#f-kind").selectOption("IDEA");
        alice.locator("#f-title").fill(title);
        alice.locator("#f-description").fill("Nobody needs to know it was me");
        alice.locator("#f-area").selectOption(new SelectOption().setIndex(1));
        alice.getByLabel("Send anonymously").check();
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(alice.locator("h1")).hasText(title);
        assertThat(alice.locator("main")).containsText("anonymous to others");
        String item = alice.url().replaceAll(".*/", "");
        web.visit(alice, "/web/feedback?mine=true");
        assertThat(alice.getByTestId("item").filter(new Locator.FilterOptions().setHasText(title)))
                .hasCount(1);
        web.check(alice, "journey-my-feedback");

        Page bob = as("bob", "/web/feedback/" + item);
        assertThat(bob.locator("h1")).hasText(title);
        assertThat(bob.locator("main")).containsText("Sent anonymously");
        assertThat(bob.locator("main").innerText().toLowerCase()).doesNotContain("alice");
        web.check(bob, "journey-anonymous-item");

        Page adam = as("adam", "/web/triage");
        for (String next : List.of("Acknowledged", "Under review", "Planned", "In progress", "Implemented")) {
            Locator card = adam.getByTestId("triage-card").filter(new Locator.FilterOptions().setHasText(title));
            card.getByLabel("Note").fill("Moving to " + next);
            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move to " + next))
                    .click();
            assertThat(adam.locator("p[role=status]")).containsText("moved to " + next);
        }
        assertThat(adam.getByTestId("triage-card").filter(new Locator.FilterOptions().setHasText(title)))
                .hasCount(0);

        await("alice's notifications of the moves and the celebration")
                .atMost(Duration.ofSeconds(30))
                .until(() -> given().auth()
                        .oauth2(token("alice"))
                        .when()
                        .get("/api/feedback/notifications?unread=true&size=50")
                        .then()
                        .extract()
                        .asString()
                        .contains("feedback.implemented"));
        web.visit(alice, "/web/inbox");
        Locator entries = alice.getByTestId("notification").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(entries.filter(new Locator.FilterOptions().setHasText("Celebration")))
                .not()
                .hasCount(0);
        assertThat(entries.filter(new Locator.FilterOptions().setHasText("Status change")))
                .not()
                .hasCount(0);
        assertThat(alice.getByTestId("inbox-link").locator(".count")).isVisible();
        web.check(alice, "journey-inbox");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark all read"))
                .click();
        assertThat(alice.locator("p[role=status]")).containsText("marked read");
        assertThat(alice.getByTestId("inbox-link").locator(".count")).hasCount(0);
    }

    @Test
    void markFollowsUpAShortfallOnHisTeamPageAndTheTrainingReachesAlicesHome() {
        putPerson("alice", "Alice Andersen", "Sales EMEA", "sales-rep");
        given().auth()
                .oauth2(token("adam"))
                .contentType(ContentType.JSON)
                .body("{\"expectations\":[{\"metric\":\"active-days\",\"period\":\"week\",\"min\":3}]}")
                .when()
                .put("/api/metrics/objectives/Sales EMEA/sales-rep")
                .then()
                .statusCode(200);
        String skill = "follow-" + suffix();
        String hr = token("hana");
        given().auth()
                .oauth2(hr)
                .contentType(ContentType.JSON)
                .body(Map.of("code", skill, "name", "Skill " + skill))
                .when()
                .post("/api/training/skills")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(hr)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "Course " + skill,
                        "skills",
                        List.of(skill),
                        "mode",
                        "ELEARNING",
                        "durationMinutes",
                        30,
                        "url",
                        "https://learn.example.com/" + skill))
                .when()
                .post("/api/training/modules")
                .then()
                .statusCode(201);

        Page mark = as("mark", "/web/team");
        mark.getByLabel("Name").fill("Andersen");
        mark.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                .click();
        Locator row = mark.getByTestId("team")
                .locator("tbody tr")
                .filter(new Locator.FilterOptions().setHasText("Alice Andersen"));
        assertThat(row).hasCount(1);
        assertThat(row).containsText(Pattern.compile("Inactive|Below"));
        web.check(mark, "journey-team");
        // by name to her page (a follow-up of an earlier run may already count for the period)
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Alice Andersen"))
                .click();
        WebPages.waitForData(mark);
        assertThat(mark.locator("h1")).hasText("Alice Andersen");
        Locator form = mark.getByTestId("follow-up-form");
        form.getByLabel("Root cause").selectOption("training");
        form.getByLabel("Notes").fill("Did not know where to log calls");
        form.getByLabel("Agreed action").selectOption("training");
        form.getByLabel("What was agreed").fill("The logging course");
        form.getByLabel("Skill to train").selectOption(skill);
        form.getByLabel("Due on")
                .fill(LocalDate.now(ZoneOffset.UTC).plusDays(14).toString());
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record"))
                .click();
        assertThat(mark.locator("p[role=status]")).containsText("assigned to Alice Andersen");
        assertThat(mark.getByTestId("follow-ups")).containsText("The logging course");
        web.check(mark, "journey-person");

        Page alice = as("alice", "/web/");
        Instant deadline = Instant.now().plusSeconds(30);
        while (alice.getByTestId("my-assignment")
                                .filter(new Locator.FilterOptions().setHasText("Course " + skill))
                                .count()
                        == 0
                && Instant.now().isBefore(deadline)) {
            alice.waitForTimeout(1_000); // the agreed training crosses Kafka to training-service
            web.visit(alice, "/web/");
        }
        assertThat(alice.getByTestId("my-assignment").filter(new Locator.FilterOptions().setHasText("Course " + skill)))
                .containsText("Mark as done");
        Locator agreed =
                alice.getByTestId("my-assignment").filter(new Locator.FilterOptions().setHasText("Course " + skill));
        assertThat(agreed).containsText("agreed in a follow-up");
        // people, not ids: neither the follow-up's id nor mark's user id is in the words
        assertThat(agreed).not().containsText(Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-"));
        assertThat(agreed).not().containsText("by mark");
        web.check(alice, "journey-home-follow-up-training");
    }

    private static Map<String, Object> event(String userId, String action) {
        return Map.of(
                "eventId",
                UUID.randomUUID().toString(),
                "userId",
                userId,
                "action",
                action,
                "occurredAt",
                Instant.now().toString());
    }

    /**
     * The row of a table that starts with the unit's name (other rows may mention it further right). The name is
     * letters, digits and spaces, so it goes into the pattern as it is: Pattern.quote's Q…E markers mean nothing to
     * the browser, which runs the pattern.
     */
    private static Locator unitRow(Locator table, String unit) {
        return table.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName(Pattern.compile("^" + unit + " ")));
    }

    @Test
    void erinApprovesAUnitsOwnWayAndItsFlagGoes() {
        String unit = "Americas " + suffix();
        String action = "web.own-way." + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        given().auth()
                .oauth2(token("adam"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Own way " + unit))
                .when()
                .put("/api/metrics/actions/" + action)
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        // the unit does nothing but its own action; elsewhere 80 ordinary events keep that action's share of the
        // organisation at a fifth at most, however empty the rest of the database is: the unit deviates by 0.8 or more
        String elsewhere = "rest-" + suffix();
        putPerson(elsewhere, "Rita Rest", "Elsewhere " + suffix(), "sales-rep");
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            events.add(event(elsewhere, "activity.logged"));
        }
        for (String person : List.of("amy", "ann")) {
            String userId = person + "-" + suffix();
            putPerson(userId, person.toUpperCase().charAt(0) + person.substring(1) + " " + unit, unit, "sales-rep");
            for (int i = 0; i < 10; i++) {
                events.add(event(userId, action));
            }
        }
        given().auth()
                .oauth2(token("adam"))
                .contentType(ContentType.JSON)
                .body(events)
                .when()
                .post("/api/metrics/events")
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        await("the unit flagged")
                .atMost(Duration.ofSeconds(30))
                .until(() -> given().auth()
                        .oauth2(token("erin"))
                        .when()
                        .get("/api/metrics/conformity")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("findAll { it.businessUnit == '" + unit + "' }.flagged")
                        .equals(List.of(true)));

        Page erin = as("erin", "/web/adoption");
        Locator row = unitRow(erin.getByTestId("conformity"), unit);
        assertThat(row).containsText("Flagged");
        row.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName(unit + "'s own way with “Own way " + unit + "”…"))
                .click();
        Locator dialog = erin.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Own way " + unit);
        dialog.getByLabel("Why this way is right for the unit").fill("Their customers buy this way");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))
                .click();
        assertThat(erin.locator("p[role=status]")).containsText("is approved");
        assertThat(row).not().containsText("Flagged");
        assertThat(unitRow(erin.getByTestId("practices"), unit)).containsText("Their customers buy this way");
        web.check(erin, "journey-ways-of-working");
    }

    private static String create(String user, String path, Map<String, Object> body) {
        return given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aliceTakesHerAssignedTestBooksTheClassHerRetrainingOffersAndHrSeesTheSeatAndTheWaitlist() {
        putPerson("alice", "Alice Andersen", "Sales EMEA", "sales-rep");
        putPerson("bob", "Bob Brown", "Sales EMEA", "sales-rep");
        String skill = "seat-" + suffix();
        given().auth()
                .oauth2(token("hana"))
                .contentType(ContentType.JSON)
                .body(Map.of("code", skill, "name", "Skill " + skill))
                .when()
                .post("/api/training/skills")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(token("hana"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "skill",
                        skill,
                        "type",
                        "SINGLE",
                        "prompt",
                        "Which stage closes a deal?",
                        "options",
                        List.of("Won", "Lost", "Open"),
                        "answer",
                        0,
                        "difficulty",
                        2))
                .when()
                .post("/api/training/questions")
                .then()
                .statusCode(201);
        String module = create(
                "hana",
                "/api/training/modules",
                Map.of(
                        "title",
                        "Class " + skill,
                        "skills",
                        List.of(skill),
                        "mode",
                        "INSTRUCTOR_LED",
                        "durationMinutes",
                        90));
        String test = create(
                "hana",
                "/api/training/tests",
                Map.of(
                        "name",
                        "Test " + skill,
                        "blueprint",
                        List.of(Map.of("skill", skill, "questions", 1)),
                        "timeLimitMinutes",
                        10,
                        "passMark",
                        80,
                        "retakeAfterHours",
                        0,
                        "audience",
                        Map.of("businessUnits", List.of("Nobody"), "jobRoles", List.of())));
        given().auth()
                .oauth2(token("hana"))
                .contentType(ContentType.JSON)
                .body(Map.of("userId", "alice", "testId", test))
                .when()
                .post("/api/training/assignments")
                .then()
                .statusCode(201);

        // alice prefers a class, starts the test she was assigned from her home page, and misses the pass mark
        Page alice = as("alice", "/web/");
        alice.getByLabel("How I prefer to learn").selectOption("INSTRUCTOR_LED");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(alice.locator("my-training p[role=status]")).containsText("preference is saved");
        Locator assigned =
                alice.getByTestId("my-assignment").filter(new Locator.FilterOptions().setHasText("Test " + skill));
        assigned.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start the test"))
                .click();
        alice.waitForURL(Pattern.compile(".*/web/attempts/.+"));
        alice.locator("fieldset").getByLabel("Lost").check();
        assertThat(alice.locator(".save-state")).hasText("✓ Saved");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"))
                .click();
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, submit"))
                .click();
        assertThat(alice.locator("h1")).hasText("Your result: not passed yet");
        assertThat(alice.locator("table tbody tr").first()).containsText("Skill " + skill);
        assertThat(alice.getByTestId("assignment")).containsText("Class " + skill);
        web.check(alice, "journey-test-result");

        // a class of one seat, scheduled after the retraining was assigned: alice books it from her home page
        String session = create(
                "hana",
                "/api/training/sessions",
                Map.of(
                        "moduleId",
                        module,
                        "startsAt",
                        Instant.now().plus(Duration.ofDays(10)).toString(),
                        "location",
                        "Room " + skill,
                        "capacity",
                        1));
        web.visit(alice, "/web/");
        Locator retraining =
                alice.getByTestId("my-assignment").filter(new Locator.FilterOptions().setHasText("Class " + skill));
        retraining
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Book a seat"))
                .click();
        assertThat(alice.locator("my-training p[role=status]")).containsText("is booked");
        assertThat(alice.getByTestId("my-assignment").filter(new Locator.FilterOptions().setHasText("Class " + skill)))
                .containsText("Your seat");
        web.check(alice, "journey-home-booked");

        // bob, assigned the same class by HR, finds it full and waits
        given().auth()
                .oauth2(token("hana"))
                .contentType(ContentType.JSON)
                .body(Map.of("userId", "bob", "skill", skill, "moduleId", module))
                .when()
                .post("/api/training/assignments")
                .then()
                .statusCode(201);
        Page bob = as("bob", "/web/");
        bob.getByTestId("my-assignment")
                .filter(new Locator.FilterOptions().setHasText("Class " + skill))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Join the waitlist"))
                .click();
        assertThat(bob.locator("my-training p[role=status]")).containsText("number 1 on its waitlist");
        assertThat(bob.getByTestId("waitlist")).containsText("number 1");

        // HR sees the seat taken and bob, by name, on the waitlist
        Page hana = as("hana", "/web/hr/sessions");
        Locator row = hana.getByTestId("sessions")
                .locator("tbody tr")
                .filter(new Locator.FilterOptions().setHasText("Room " + skill));
        assertThat(row).containsText("1 of 1");
        row.locator("summary").click();
        assertThat(row.locator("hr-waitlist")).containsText("Bob Brown");
        web.check(hana, "journey-hr-sessions");
        assertThat(session).isNotBlank();
        // alice's preference back as it was, for the tests that run after this one
        given().auth()
                .oauth2(token("alice"))
                .contentType(ContentType.JSON)
                .body("{\"preferredMode\": null}")
                .when()
                .put("/api/training/me/preferences")
                .then()
                .statusCode(200);
    }

    @Test
    void adamImportsARosterWithOneBadLineSeesThePreviewConfirmsAndFindsThePeople() {
        String unit = "Imported " + suffix();
        String first = "imp-" + suffix();
        String second = "imp-" + suffix();
        String csv = "userId,displayName,businessUnit,jobRole\n"
                + first + ",Iris Import," + unit + ",sales-rep\n"
                + second + ",Ivan Import," + unit + ",sales-rep\n"
                + "not valid!,Nobody," + unit + ",sales-rep\n";
        Page adam = as("adam", "/web/admin/roster");
        adam.getByLabel("Or paste the CSV").fill(csv);
        adam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview"))
                .click();
        Locator preview = adam.getByTestId("import-preview");
        assertThat(preview).containsText("Would be created");
        assertThat(preview.locator("dd").first()).hasText("2");
        assertThat(preview).containsText("not valid!");
        web.check(adam, "journey-import-preview");
        assertThat(given().auth()
                        .oauth2(token("adam"))
                        .queryParam("businessUnit", unit)
                        .when()
                        .get("/api/metrics/people")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<Integer>path("total"))
                .as("the preview wrote nothing")
                .isZero();
        adam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm import"))
                .click();
        assertThat(adam.getByTestId("import-result")).containsText("Created");
        adam.locator("roster-admin input[name=q]").fill("Import");
        adam.locator("roster-admin input[name=q]").press("Enter");
        assertThat(adam.getByTestId("roster")).containsText("Iris Import");
        assertThat(adam.getByTestId("roster")).containsText("Ivan Import");
        web.check(adam, "journey-roster");
    }

    @Test
    void adamMakesAWriteKeyMapsWhatItSentWithItsPastAndRevokesIt() {
        String person = "jrn-" + suffix();
        putPerson(person, "Jorge Journey", "Sales EMEA", "sales-rep");
        String source = "Journey source " + suffix();
        String event = "Journey Event " + suffix();
        Page adam = as("adam", "/web/admin/connectors");
        adam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a write key"))
                .click();
        adam.getByTestId("write-key-form").locator("input[name=name]").fill(source);
        adam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make the key"))
                .click();
        Locator made = adam.getByTestId("write-key-made");
        assertThat(made).containsText("shown this once");
        String key = made.locator("code.secret").innerText().strip();
        assertThat(key).startsWith("uwk_");
        web.check(adam, "journey-write-key-made");
        adam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I have kept it"))
                .click();

        for (String messageId : List.of("j-1", "j-2")) {
            track(key, messageId, person, event).statusCode(200).body("unmapped", org.hamcrest.Matchers.equalTo(1));
        }
        web.visit(adam, "/web/admin/connectors");
        assertThat(adam.getByTestId("write-keys")).containsText(source);
        adam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Map " + event))
                .click();
        Locator mapping = adam.getByTestId("mapping-form");
        mapping.locator("select[name=action]").selectOption("record.updated");
        assertThat(mapping.getByLabel(Pattern.compile("Also count the 2 events")))
                .isChecked();
        mapping.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Map"))
                .click();
        assertThat(adam.getByRole(AriaRole.STATUS)).containsText("2 earlier events were counted");
        assertThat(adam.getByTestId("event-mappings")).containsText(event);
        assertThat(adam.getByTestId("unmapped-events")).not().containsText(event);
        web.check(adam, "journey-connectors");

        adam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke " + source))
                .click();
        adam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke the key"))
                .click();
        assertThat(adam.getByRole(AriaRole.STATUS)).containsText("is revoked");
        track(key, "j-3", person, event).statusCode(401);
    }

    private static io.restassured.response.ValidatableResponse track(
            String key, String messageId, String user, String event) {
        return given().auth()
                .preemptive()
                .basic(key, "")
                .contentType(ContentType.JSON)
                .body(Map.of("messageId", messageId, "userId", user, "event", event))
                .when()
                .post("/v1/track")
                .then();
    }

    @Test
    void hanaChangesAUnitsRetrainingPolicy() {
        String unit = "Policy unit " + suffix();
        putPerson("pol-" + suffix(), "Paula Policy", unit, "sales-rep");
        await("the unit in training-service's roster")
                .atMost(Duration.ofSeconds(30))
                .until(() -> given().auth()
                        .oauth2(token("hana"))
                        .when()
                        .get("/api/training/policies?size=500")
                        .then()
                        .extract()
                        .asString()
                        .contains(unit));
        Page hana = as("hana", "/web/hr/policies");
        Locator row =
                hana.getByTestId("policies").locator("tbody tr").filter(new Locator.FilterOptions().setHasText(unit));
        row.getByRole(AriaRole.BUTTON).click();
        Locator dialog = hana.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Threshold (0–100)").fill("500");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the policy"))
                .click();
        assertThat(dialog.locator(".field-error")).containsText("100");
        dialog.getByLabel("Threshold (0–100)").fill("65");
        dialog.getByLabel("Mode of training").selectOption("INSTRUCTOR_LED");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the policy"))
                .click();
        assertThat(row).containsText("65");
        web.check(hana, "journey-hr-policies");
        given().auth()
                .oauth2(token("hana"))
                .when()
                .get("/api/training/policies/" + unit)
                .then()
                .statusCode(200)
                .body("threshold", org.hamcrest.Matchers.equalTo(65))
                .body("preferredMode", org.hamcrest.Matchers.equalTo("INSTRUCTOR_LED"));
    }

    @Test
    void followingTheOriginalOfADuplicateShowsTheOriginalAndItsButtonsActOnIt() {
        String original = "The original " + suffix();
        String copy = "The copy " + suffix();
        String originalId = String.valueOf(given().auth()
                .oauth2(token("bob"))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "IDEA", "title", original, "description", "First", "area", "reports"))
                .when()
                .post("/api/feedback/items")
                .then()
                .statusCode(201)
                .extract()
                .<Object>path("id"));
        String copyId = String.valueOf(given().auth()
                .oauth2(token("bob"))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "IDEA", "title", copy, "description", "Second", "area", "reports"))
                .when()
                .post("/api/feedback/items")
                .then()
                .statusCode(201)
                .extract()
                .<Object>path("id"));
        given().auth()
                .oauth2(token("adam"))
                .contentType(ContentType.JSON)
                .body(Map.of("to", "DUPLICATE", "duplicateOf", Long.valueOf(originalId)))
                .when()
                .post("/api/feedback/items/" + copyId + "/transitions")
                .then()
                .statusCode(200);

        int votesBefore = votes(originalId);
        Page alice = as("alice", "/web/feedback/" + copyId);
        assertThat(alice.locator("h1")).hasText(copy);
        alice.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(original))
                .click();
        assertThat(alice).hasURL(Pattern.compile(".*/web/feedback/" + originalId + "$"));
        assertThat(alice.locator("h1")).hasText(original);
        WebPages.waitForData(alice);
        alice.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Vote").setExact(true))
                .click();
        await("alice's vote on the original, not on the copy")
                .atMost(Duration.ofSeconds(10))
                .until(() -> votes(originalId) == votesBefore + 1);
        web.check(alice, "journey-original-of-a-duplicate");
    }

    private static int votes(String item) {
        return given().auth()
                .oauth2(token("alice"))
                .when()
                .get("/api/feedback/items/" + item)
                .then()
                .statusCode(200)
                .extract()
                .path("votes");
    }
}
