package io.uptake.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.uptake.gateway.support.AllServices;
import io.uptake.gateway.support.ForgedTokens;
import io.uptake.testsupport.KeycloakTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every route of API.md × every kind of caller, through the gateway to the three real services,
 * with real Keycloak tokens. The expected statuses are in {@code authorization-matrix.md}.
 */
@QuarkusTest
@WithTestResource(AllServices.class)
class AuthorizationMatrixTest {

    private static final Path MATRIX = Path.of("src/test/resources/authorization-matrix.md");
    private static final List<String> COLUMNS = List.of(
            "none",
            "expired",
            "forged",
            "employee",
            "manager-same",
            "manager-other",
            "hr",
            "executive",
            "admin",
            "ingest",
            "provisioning");
    private static final String OWN_UNIT = "Sales EMEA";
    private static final String OTHER_UNIT = "Support";

    @TestHTTPResource("/")
    URL gateway;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Row(int line, String method, String path, String body, Map<String, String> cells) {}

    @Test
    void everyRouteAnswersEveryCallerAsTheMatrixSays() throws Exception {
        List<Row> rows = readMatrix();
        assertThat(rows).as("rows in " + MATRIX).hasSizeGreaterThan(40);
        KeycloakTokens.ShortLived expiring = KeycloakTokens.shortLived("adam", 10);
        assertThat(send("GET", "/api/metrics/objectives", "", expiring.token()))
                .as("the short-lived admin token, while it is valid")
                .isEqualTo(200);
        // a live stream opened with the token ends by itself when the token expires
        HttpResponse<InputStream> stream = http.send(
                HttpRequest.newBuilder(URI.create(
                                gateway.toString().replaceAll("/$", "") + "/api/feedback/celebrations/stream"))
                        .header("Authorization", "Bearer " + expiring.token())
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        java.util.concurrent.CompletableFuture<Instant> streamEnded =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try (InputStream body = stream.body()) {
                        body.transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (IOException endedAbruptly) {
                        // ended either way
                    }
                    return Instant.now();
                });
        String item = submitFeedbackItem();
        ensureRoster();

        Map<String, List<String>> callerTokens = new LinkedHashMap<>();
        callerTokens.put("none", List.of(""));
        callerTokens.put("expired", List.of(expiring.token()));
        callerTokens.put(
                "forged",
                List.of(ForgedTokens.badSignature(), ForgedTokens.otherRealm(), KeycloakTokens.otherClient("adam")));
        callerTokens.put("employee", List.of(KeycloakTokens.cachedAccessToken("alice")));
        callerTokens.put("manager-same", List.of(KeycloakTokens.cachedAccessToken("mark")));
        callerTokens.put("manager-other", List.of(KeycloakTokens.cachedAccessToken("mark")));
        callerTokens.put("hr", List.of(KeycloakTokens.cachedAccessToken("hana")));
        callerTokens.put("executive", List.of(KeycloakTokens.cachedAccessToken("erin")));
        callerTokens.put("admin", List.of(KeycloakTokens.cachedAccessToken("adam")));
        callerTokens.put("ingest", List.of(KeycloakTokens.cachedConnectorToken()));
        callerTokens.put("provisioning", List.of(KeycloakTokens.cachedProvisionerToken()));

        List<String> wrong = new ArrayList<>();
        List<String> deviations = new ArrayList<>();
        // every column but the expired token's while that token lives out its 10 s, then that column
        List<String> valid =
                COLUMNS.stream().filter(column -> !column.equals("expired")).toList();
        int checked = check(rows, valid, callerTokens, item, wrong, deviations);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Instant.now().isAfter(expiring.expiresAt().plusSeconds(1)));
        assertThat(streamEnded.get(10, java.util.concurrent.TimeUnit.SECONDS))
                .as("the stream of an expiring token stays open until its expiry and ends within 3 s of it")
                .isAfter(expiring.expiresAt().minusSeconds(2))
                .isBefore(expiring.expiresAt().plusSeconds(3));
        checked += check(rows, List.of("expired"), callerTokens, item, wrong, deviations);
        System.out.printf(
                "Authorisation matrix: %d requests, %d known deviations from ARCHITECTURE.md%n",
                checked, deviations.size());
        deviations.forEach(deviation -> System.out.println("  deviation: " + deviation));
        assertThat(wrong).as("answers that differ from " + MATRIX).isEmpty();
    }

    /** Sends each row as each caller of the given columns; returns how many requests it sent. */
    private int check(
            List<Row> rows,
            List<String> columns,
            Map<String, List<String>> callerTokens,
            String item,
            List<String> wrong,
            List<String> deviations)
            throws IOException, InterruptedException {
        int checked = 0;
        for (Row row : rows) {
            for (String column : columns) {
                String cell = row.cells().get(column);
                String spec = cell.contains("/") ? cell.substring(0, cell.indexOf('/')) : cell;
                String today = cell.contains("/") ? cell.substring(cell.indexOf('/') + 1) : cell;
                boolean other = column.equals("manager-other");
                String path = row.path()
                        .replace("{member}", other ? "carol" : "alice")
                        .replace("{colleague}", other ? "carol" : "bob")
                        .replace(
                                "{unit}",
                                URLEncoder.encode(other ? OTHER_UNIT : OWN_UNIT, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                        .replace("{item}", item);
                while (path.contains("{uuid}")) {
                    path = path.replaceFirst("\\{uuid}", UUID.randomUUID().toString());
                }
                for (String token : callerTokens.get(column)) {
                    int status = send(row.method(), path, row.body(), token);
                    checked++;
                    if (!matches(today, status)) {
                        wrong.add("line " + row.line() + ": " + row.method() + " " + path + " as " + column
                                + " answered " + status + ", the matrix expects " + today);
                    }
                    if (!spec.equals(today)) {
                        deviations.add(row.method() + " " + row.path() + " as " + column + ": ARCHITECTURE.md " + spec
                                + ", today " + status);
                    }
                }
            }
        }
        return checked;
    }

    @Test
    void aTokenTheRealmIssuedToAnotherClientIsRefusedByEveryServiceItself() {
        String foreign = KeycloakTokens.otherClient("adam");
        String own = KeycloakTokens.cachedAccessToken("adam");
        Map<String, String> readByService = Map.of(
                "metrics", "/api/metrics/objectives",
                "feedback", "/api/feedback/items",
                "training", "/api/training/tests");
        readByService.forEach((service, path) -> {
            String direct = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("uptake.gateway.routes." + service + ".url", String.class);
            given().baseUri(direct).auth().oauth2(own).when().get(path).then().statusCode(200);
            given().baseUri(direct)
                    .auth()
                    .oauth2(foreign)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(401);
        });
    }

    @Test
    void theGatewayServesOneOpenApiDocumentOfTheThreeServicesAndASwaggerUi() {
        io.restassured.path.json.JsonPath document = io.uptake.testsupport.Management.given()
                .when()
                .get("/openapi")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
        Map<String, Object> paths = document.getMap("paths");
        assertThat(paths)
                .containsKeys(
                        "/api/metrics/events",
                        "/api/metrics/people/{userId}/scorecard",
                        "/api/feedback/items",
                        "/api/feedback/celebrations/stream",
                        "/api/training/skills",
                        "/api/training/assignments");
        assertThat(document.getList("x-uptake-unavailable")).isNull();
        String json = document.prettify();
        Map<String, Object> schemas = document.getMap("components.schemas");
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\"#/components/schemas/([^\"]+)\"")
                .matcher(json);
        int count = 0;
        while (refs.find()) {
            count++;
            assertThat(schemas).as("schema of " + refs.group()).containsKey(refs.group(1));
        }
        assertThat(count).as("schema references").isPositive();
        io.uptake.testsupport.Management.given()
                .when()
                .get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/html"));
    }

    private static boolean matches(String expected, int status) {
        if (expected.equals("ok")) {
            return status != 401 && status != 403 && status < 500;
        }
        return Integer.parseInt(expected) == status;
    }

    private int send(String method, String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(gateway.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(20));
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        if (method.equals("STREAM")) {
            request.header("Accept", "text/event-stream").GET();
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        }
        request.header("Accept", "application/json");
        if (body.isEmpty()) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            // a JSON body, else a CSV file (the EventLogFile import)
            boolean json = body.startsWith("{") || body.startsWith("[");
            request.header("Content-Type", json ? "application/json" : "text/csv")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static List<Row> readMatrix() throws IOException {
        List<String> lines = Files.readAllLines(MATRIX);
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            List<String> cells = Arrays.stream(
                            line.substring(1, line.length() - 1).split("\\|", -1))
                    .map(String::trim)
                    .toList();
            if (cells.getFirst().equals("method")) {
                header = cells;
                continue;
            }
            if (header == null) {
                continue; // the legend's table
            }
            assertThat(cells).as("cells on line " + (i + 1)).hasSize(header.size());
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (String column : COLUMNS) {
                String cell = cells.get(header.indexOf(column));
                assertThat(cell)
                        .as("cell " + column + " on line " + (i + 1))
                        .matches("(401|403|ok|\\d{3})(/(401|403|ok|\\d{3}))?");
                byColumn.put(column, cell);
            }
            rows.add(new Row(i + 1, cells.get(0), cells.get(1), cells.get(2).replace("`", ""), byColumn));
        }
        return rows;
    }

    private String submitFeedbackItem() {
        String location = given().baseUri(gateway.toString())
                .auth()
                .oauth2(KeycloakTokens.cachedAccessToken("alice"))
                .contentType("application/json")
                .body(
                        "{\"kind\":\"IDEA\",\"title\":\"Matrix probe\",\"description\":\"Submitted by the gateway's authorisation matrix test\",\"area\":\"reports\"}")
                .when()
                .post("/api/feedback/items")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The people the rows name are on metrics-service's roster, with their units, as in the realm. */
    private void ensureRoster() {
        Map<String, String> people = Map.of(
                "alice",
                        "{\"displayName\":\"Alice\",\"email\":\"alice@uptake.test\",\"businessUnit\":\"Sales EMEA\",\"jobRole\":\"sales-rep\",\"managerId\":\"mark\",\"executive\":false,\"active\":true}",
                "bob",
                        "{\"displayName\":\"Bob\",\"email\":\"bob@uptake.test\",\"businessUnit\":\"Sales EMEA\",\"jobRole\":\"sales-rep\",\"managerId\":\"mark\",\"executive\":false,\"active\":true}",
                "carol",
                        "{\"displayName\":\"Carol\",\"email\":\"carol@uptake.test\",\"businessUnit\":\"Support\",\"jobRole\":\"support-agent\",\"executive\":false,\"active\":true}",
                "mark",
                        "{\"displayName\":\"Mark\",\"email\":\"mark@uptake.test\",\"businessUnit\":\"Sales EMEA\",\"jobRole\":\"sales-manager\",\"executive\":false,\"active\":true}");
        people.forEach((user, entry) -> given().baseUri(gateway.toString())
                .auth()
                .oauth2(KeycloakTokens.cachedAccessToken("adam"))
                .contentType("application/json")
                .body(entry)
                .when()
                .put("/api/metrics/people/" + user)
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201))));
        // training-service learns the roster from uptake.people: a manager reads a person's assignments once it knows
        // their unit
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> given().baseUri(gateway.toString())
                                .auth()
                                .oauth2(KeycloakTokens.cachedAccessToken("mark"))
                                .queryParam("userId", "alice")
                                .when()
                                .get("/api/training/assignments")
                                .then()
                                .extract()
                                .statusCode()
                        == 200);
    }
}
