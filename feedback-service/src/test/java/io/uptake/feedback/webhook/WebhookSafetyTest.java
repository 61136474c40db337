package io.uptake.feedback.webhook;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.uptake.feedback.celebration.WebhookReceiver;
import io.uptake.feedback.item.Status;
import io.uptake.feedback.support.Items;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhooks cannot be pointed inside (on registration, nor by a name that later resolves inside),
 * sign the Standard Webhooks way with secrets the service makes, keeps sealed and rotates, speak
 * Slack with employees' words escaped, and read no more of an answer than they need.
 */
@QuarkusTest
class WebhookSafetyTest {

    private static final String HOOKS = "/api/feedback/webhooks";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final Pool pool;
    private final ObjectMapper json;

    WebhookSafetyTest(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/hook",
                "http://169.254.169.254/latest/meta-data/",
                "http://localhost:8082/hook",
                "http://rebound.uptake.test:8082/hook",
                "http://[::1]/hook",
                "http://10.0.0.7/hook",
                "http://training-service:8083/api/training/tests",
                "http://feedback-service.uptake.svc.cluster.local/hook",
                "https://nowhere.invalid/hook"
            })
    void anInternalOrUnresolvableTargetIsRefusedNamingTheUrlAndNothingIsWritten(String url) {
        String admin = accessToken("adam");
        long before = webhookCount();
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("feedback.implemented")))
                .when()
                .post(HOOKS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("url")))
                .body("errors.message", hasItem(containsString("not a public target")));
        assertThat(webhookCount()).isEqualTo(before);
    }

    @Test
    void aDeliveryIsSignedSlackFormattedAndEscapedAndARotatedSecretKeepsWorkingDuringItsGrace() throws Exception {
        String admin = accessToken("adam");
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            JsonPath registered = register(admin, receiver.url(), "slack");
            int hook = registered.getInt("id");
            String first = registered.getString("secret");
            assertThat(first).startsWith("whsec_");
            try {
                assertThat(given().auth()
                                .oauth2(admin)
                                .when()
                                .get(HOOKS + "?size=200")
                                .asString())
                        .as("the list never shows a secret")
                        .doesNotContain(first)
                        .doesNotContain("secret");
                String stored = pool.preparedQuery("select secret from webhook where id = $1")
                        .execute(Tuple.of(hook))
                        .await()
                        .atMost(Duration.ofSeconds(5))
                        .iterator()
                        .next()
                        .getString("secret");
                assertThat(stored).startsWith("enc:v1:").doesNotContain(first.substring("whsec_".length()));

                long one = implement(admin, "<!channel> see <https://evil.example|the docs> " + UUID.randomUUID());
                WebhookReceiver.Call call = awaitCall(receiver, one);
                assertThat(StandardWebhooksVerifier.verifies(
                                first, call.id(), call.timestamp(), call.body(), call.signature()))
                        .isTrue();
                JsonNode slack = json.readTree(call.body());
                assertThat(slack.at("/blocks/0/text/text").asText())
                        .contains("&lt;!channel&gt;")
                        .contains("&lt;https://evil.example|the docs&gt;")
                        .doesNotContain("<!channel>");

                JsonPath rotated = given().auth()
                        .oauth2(admin)
                        .when()
                        .post(HOOKS + "/" + hook + "/secret")
                        .then()
                        .statusCode(200)
                        .body("id", equalTo(hook))
                        .extract()
                        .jsonPath();
                String second = rotated.getString("secret");
                assertThat(second).startsWith("whsec_").isNotEqualTo(first);
                assertThat(rotated.getString("previousSecretValidUntil")).isNotNull();

                long two = implement(admin, "After the rotation " + UUID.randomUUID());
                WebhookReceiver.Call after = awaitCall(receiver, two);
                assertThat(StandardWebhooksVerifier.verifies(
                                second, after.id(), after.timestamp(), after.body(), after.signature()))
                        .as("the new secret verifies")
                        .isTrue();
                assertThat(StandardWebhooksVerifier.verifies(
                                first, after.id(), after.timestamp(), after.body(), after.signature()))
                        .as("the old secret still verifies during its grace period")
                        .isTrue();
            } finally {
                deactivate(admin, hook);
            }
        }
    }

    @Test
    void aNameThatLaterResolvesInsideIsRefusedAtDelivery() throws Exception {
        String admin = accessToken("adam");
        try (WebhookReceiver allowed = new WebhookReceiver(0);
                WebhookReceiver inside = WebhookReceiver.on("127.0.0.1")) {
            int hook = register(admin, allowed.url(), "generic").getInt("id");
            try {
                // the name was public when registered; its DNS now answers with a loopback address
                pool.preparedQuery("update webhook set url = $2 where id = $1")
                        .execute(Tuple.of(hook, "http://rebound.uptake.test:" + inside.port() + "/hook"))
                        .await()
                        .atMost(Duration.ofSeconds(5));
                implement(admin, "Rebound " + UUID.randomUUID());
                await().atMost(WITHIN).until(() -> deliveries(admin, hook).getInt("total") >= 1);
                assertThat(deliveries(admin, hook).getString("items[0].error")).contains("resolves to 127.0.0.1");
                assertThat(inside.calls()).as("nothing was posted inside").isEmpty();
                assertThat(allowed.calls()).isEmpty();
            } finally {
                deactivate(admin, hook);
            }
        }
    }

    @Test
    void anAnswerThatNeverEndsIsReadOnlyUpToTheCap() throws Exception {
        String admin = accessToken("adam");
        try (WebhookReceiver endless = WebhookReceiver.endless()) {
            int hook = register(admin, endless.url(), "generic").getInt("id");
            try {
                implement(admin, "Endless answer " + UUID.randomUUID());
                await().atMost(WITHIN).until(() -> deliveries(admin, hook).getInt("total") >= 1);
                JsonPath log = deliveries(admin, hook);
                assertThat(log.getBoolean("items[0].succeeded"))
                        .as("the 200 counts, although the body goes on: %s", log.getString("items[0].error"))
                        .isTrue();
                assertThat(log.getInt("items[0].statusCode")).isEqualTo(200);
            } finally {
                deactivate(admin, hook);
            }
        }
    }

    private static JsonPath register(String admin, String url, String format) {
        return given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("feedback.implemented"), "format", format))
                .when()
                .post(HOOKS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static long implement(String admin, String title) {
        long id = Items.submit(accessToken("alice"), title);
        Items.advanceTo(admin, id, Status.IMPLEMENTED);
        return id;
    }

    private static WebhookReceiver.Call awaitCall(WebhookReceiver receiver, long itemId) {
        await().atMost(WITHIN)
                .until(() ->
                        receiver.calls().stream().anyMatch(call -> call.body().contains("/items/" + itemId + "\"")));
        return receiver.calls().stream()
                .filter(call -> call.body().contains("/items/" + itemId + "\""))
                .findFirst()
                .orElseThrow();
    }

    private static JsonPath deliveries(String admin, int hook) {
        return given().auth()
                .oauth2(admin)
                .when()
                .get(HOOKS + "/" + hook + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void deactivate(String admin, int hook) {
        given().auth().oauth2(admin).when().delete(HOOKS + "/" + hook).then().statusCode(204);
    }

    private long webhookCount() {
        return pool.query("select count(*) from webhook")
                .execute()
                .await()
                .atMost(Duration.ofSeconds(5))
                .iterator()
                .next()
                .getLong(0);
    }
}
