package io.uptake.feedback.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.uptake.feedback.item.Kind;
import io.uptake.feedback.item.Status;
import java.util.List;
import java.util.Map;

/** Test steps through the real API: submit an item, move it along the workflow. */
public final class Items {

    public static final String ITEMS = "/api/feedback/items";

    private Items() {}

    /** Submits an idea as {@code token}'s person and returns its id. */
    public static long submit(String token, String title) {
        return submit(token, Kind.IDEA, title);
    }

    /** Submits an item of {@code kind} as {@code token}'s person and returns its id. */
    public static long submit(String token, Kind kind, String title) {
        return ((Number) given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "kind",
                                kind.name(),
                                "title",
                                title,
                                "description",
                                "Please: " + title,
                                "area",
                                "reports"))
                        .when()
                        .post(ITEMS)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    public static void move(String adminToken, long id, Status to, String note) {
        given().auth()
                .oauth2(adminToken)
                .contentType(ContentType.JSON)
                .body(note == null ? Map.of("to", to.name()) : Map.of("to", to.name(), "note", note))
                .when()
                .post(ITEMS + "/" + id + "/transitions")
                .then()
                .statusCode(200);
    }

    /** Moves an item forward along the main path, from SUBMITTED, until it reaches {@code target}. */
    public static void advanceTo(String adminToken, long id, Status target) {
        for (Status step : List.of(
                Status.ACKNOWLEDGED, Status.UNDER_REVIEW, Status.PLANNED, Status.IN_PROGRESS, Status.IMPLEMENTED)) {
            if (step.ordinal() > target.ordinal()) {
                return;
            }
            move(adminToken, id, step, "on to " + step);
        }
    }
}
