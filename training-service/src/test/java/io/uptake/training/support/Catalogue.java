package io.uptake.training.support;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Builds catalogue data through HR's API, with names unique to each run so that no test depends on earlier data. */
public final class Catalogue {

    public static final String HR = "hana";

    private Catalogue() {}

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new skill; returns its code. */
    public static String skill() {
        String code = unique("skill");
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Skill " + code))
                .when()
                .post("/api/training/skills")
                .then()
                .statusCode(201);
        return code;
    }

    /** A new question; returns its id. */
    public static String question(String skill, String type, List<String> options, Object answer, Double tolerance) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "skill",
                skill,
                "type",
                type,
                "prompt",
                "Prompt " + unique("q"),
                "options",
                options,
                "answer",
                answer,
                "difficulty",
                2));
        if (tolerance != null) {
            body.put("tolerance", tolerance);
        }
        return given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/training/questions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String single(String skill, int options) {
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < options; i++) {
            texts.add("option " + i + " " + unique("t"));
        }
        return question(skill, "SINGLE", texts, 0, null);
    }

    /** A new test over the given skills (questions each), pass mark and retake wait; returns its id. */
    public static String test(
            Map<String, Integer> blueprint, int passMark, int retakeAfterHours, List<String> businessUnits) {
        List<Map<String, Object>> items = blueprint.entrySet().stream()
                .map(entry -> Map.<String, Object>of("skill", entry.getKey(), "questions", entry.getValue()))
                .toList();
        return given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        unique("test"),
                        "blueprint",
                        items,
                        "timeLimitMinutes",
                        30,
                        "passMark",
                        passMark,
                        "retakeAfterHours",
                        retakeAfterHours,
                        "audience",
                        Map.of("businessUnits", businessUnits, "jobRoles", List.of())))
                .when()
                .post("/api/training/tests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A new module; returns its id. */
    public static String module(List<String> skills, String mode) {
        return given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        unique("module"),
                        "skills",
                        skills,
                        "mode",
                        mode,
                        "durationMinutes",
                        60,
                        "url",
                        "https://learn.example.com/" + unique("m")))
                .when()
                .post("/api/training/modules")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A new session of an instructor-led module, starting in so many days; returns its id. */
    public static String session(String moduleId, int inDays, int capacity) {
        return given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "moduleId",
                        moduleId,
                        "startsAt",
                        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                                .plusDays(inDays)
                                .toString(),
                        "location",
                        "Room " + unique("r"),
                        "capacity",
                        capacity))
                .when()
                .post("/api/training/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static void policy(String businessUnit, int threshold, String mode, int dueInDays) {
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(Map.of("threshold", threshold, "preferredMode", mode, "dueInDays", dueInDays))
                .when()
                .put("/api/training/policies/{unit}", businessUnit)
                .then()
                .statusCode(200)
                .body("businessUnit", org.hamcrest.Matchers.equalTo(businessUnit));
    }

    /**
     * Takes the test as {@code taker}: starts it, answers every (SINGLE, key 0) question right when
     * {@code right} says so for its skill and wrong otherwise, and submits; returns the result.
     */
    public static JsonPath takeAndSubmit(String taker, String testId, Predicate<String> right) {
        JsonPath attempt = given().auth()
                .oauth2(accessToken(taker))
                .when()
                .post("/api/training/tests/" + testId + "/attempts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String id = attempt.getString("id");
        List<Map<String, Object>> questions = attempt.getList("questions");
        for (Map<String, Object> question : questions) {
            @SuppressWarnings("unchecked")
            List<Map<String, String>> options = (List<Map<String, String>>) question.get("options");
            boolean correct = right.test((String) question.get("skill"));
            String option = options.stream()
                    .filter(o -> o.get("text").startsWith("option 0 ") == correct)
                    .findFirst()
                    .orElseThrow()
                    .get("id");
            given().auth()
                    .oauth2(accessToken(taker))
                    .contentType(ContentType.JSON)
                    .body(Map.of("answer", option))
                    .when()
                    .put("/api/training/attempts/" + id + "/answers/" + question.get("id"))
                    .then()
                    .statusCode(200);
        }
        return given().auth()
                .oauth2(accessToken(taker))
                .when()
                .post("/api/training/attempts/" + id + "/submit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
