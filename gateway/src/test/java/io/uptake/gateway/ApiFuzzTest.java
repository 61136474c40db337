package io.uptake.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.uptake.gateway.routing.GatewayConfig;
import io.uptake.gateway.support.AllServices;
import io.uptake.testsupport.KeycloakTokens;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Schema-driven fuzzing of every operation in the gateway's combined OpenAPI document, against the
 * three packaged services with real tokens of every role (admin, hr, employee, manager, executive,
 * the ingest client): missing, null and mistyped fields, huge,
 * negative and overflowing numbers and paging, unknown enum values, 100,000-character strings,
 * unicode, invalid UUIDs and dates, bodies that are not JSON. No answer may be a 5xx, and every 4xx
 * must be a problem document. Sent straight to each service (the gateway's rate limits would turn most
 * of it into 429s), bounded by a time budget; fuzz values name nothing that other tests use. The default
 * tier sends a seeded sample of the cases; the resilience tier as many as three minutes allow.
 */
@QuarkusTest
@WithTestResource(AllServices.class)
class ApiFuzzTest {

    private static final Duration LONG_BUDGET = Duration.ofMinutes(3);
    /** The default tier's sample: the same cases every run, sent within a short budget. */
    private static final long SAMPLE_SEED = 24;

    private static final int SAMPLE_SIZE = 400;
    private static final Duration SAMPLE_BUDGET = Duration.ofSeconds(90);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE = "x".repeat(100_000);
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    @TestHTTPResource("/")
    URL gateway;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Case(String method, String path, String query, String body, String what) {}

    /**
     * The default tier: a sample of the cases, the same every run (a fixed seed), each sent as every
     * role; every case of the sample must be sent.
     */
    @Test
    void aSeededSampleOfCasesGivesNo5xxAndEvery4xxIsAProblemDocument() throws Exception {
        List<Case> all = allCases();
        List<Case> sample = new ArrayList<>(all);
        Collections.shuffle(sample, new Random(SAMPLE_SEED));
        sample = sample.subList(0, Math.min(SAMPLE_SIZE, sample.size()));
        int done = fuzz(sample, SAMPLE_BUDGET);
        assertThat(done).as("sampled cases sent within the budget").isEqualTo(sample.size());
    }

    /** The resilience tier ({@code ./uptake test --resilience}): every case, for a three-minute budget. */
    @Test
    @Tag("resilience")
    void everyCaseWithinTheLongBudgetGivesNo5xxAndEvery4xxIsAProblemDocument() throws Exception {
        List<Case> all = allCases();
        int done = fuzz(all, LONG_BUDGET);
        assertThat(done).as("cases sent within the budget").isGreaterThan(all.size() / 2);
    }

    private List<Case> allCases() throws Exception {
        JsonNode api =
                json.readTree(URI.create("http://localhost:" + io.uptake.testsupport.Management.port() + "/openapi")
                        .toURL());
        List<Case> cases = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields();
        int operations = 0;
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode() || path.getKey().endsWith("/stream")) {
                    continue;
                }
                operations++;
                cases.addAll(cases(api, method.toUpperCase(), path.getKey(), operation));
            }
        }
        assertThat(operations).as("operations in the combined document").isGreaterThan(50);
        System.out.printf("API fuzz: %d operations, %d cases%n", operations, cases.size());
        return cases;
    }

    /** Sends each case as every role until the budget is spent; asserts the answers, returns the cases sent. */
    private int fuzz(List<Case> cases, Duration budget) throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("admin", KeycloakTokens.cachedAccessToken("adam"));
        tokens.put("hr", KeycloakTokens.cachedAccessToken("hana"));
        tokens.put("employee", KeycloakTokens.cachedAccessToken("alice"));
        tokens.put("manager", KeycloakTokens.cachedAccessToken("mark"));
        tokens.put("executive", KeycloakTokens.cachedAccessToken("erin"));
        tokens.put("ingest", KeycloakTokens.cachedConnectorToken());
        List<String> wrong = new ArrayList<>();
        long deadline = System.nanoTime() + budget.toNanos();
        int sent = 0;
        int done = 0;
        for (Case fuzz : cases) {
            if (System.nanoTime() > deadline) {
                break;
            }
            for (Map.Entry<String, String> role : tokens.entrySet()) {
                HttpResponse<String> response = send(fuzz, role.getValue());
                sent++;
                String problem = judge(response);
                if (problem != null && wrong.size() < 200) {
                    wrong.add(fuzz.method() + " " + fuzz.path() + fuzz.query() + " [" + fuzz.what() + "] as "
                            + role.getKey() + ": " + problem);
                }
            }
            done++;
        }
        System.out.printf("API fuzz: %d of %d cases, %d requests%n", done, cases.size(), sent);
        assertThat(wrong)
                .as("answers that are a 5xx, or a 4xx without a problem document")
                .isEmpty();
        return done;
    }

    private String judge(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return status + " " + abbreviate(response.body());
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            // SCIM clients read SCIM's own error document (RFC 7644, 3.12), whose status is the same
            boolean scim = response.uri().getPath().startsWith("/scim/") && type.startsWith("application/scim+json");
            if (!type.startsWith("application/problem+json") && !scim) {
                return status + " with Content-Type '" + type + "': " + abbreviate(response.body());
            }
            try {
                if (json.readTree(response.body()).path("status").asInt() != status) {
                    return status + " with a problem whose status differs: " + abbreviate(response.body());
                }
            } catch (Exception notJson) {
                return status + " with a body that is not JSON: " + abbreviate(response.body());
            }
        }
        return null;
    }

    /** The base URL of the service whose route prefix the path is under (/api/metrics, /v1, …), from the gateway's config. */
    private static String upstreamOf(String path) {
        GatewayConfig gateway = ConfigProvider.getConfig()
                .unwrap(io.smallrye.config.SmallRyeConfig.class)
                .getConfigMapping(GatewayConfig.class);
        return gateway.routes().values().stream()
                .filter(route -> path.equals(route.prefix()) || path.startsWith(route.prefix() + "/"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no route owns " + path))
                .url()
                .toString();
    }

    private HttpResponse<String> send(Case fuzz, String token) throws Exception {
        String base = upstreamOf(fuzz.path());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + fuzz.path() + fuzz.query()))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (fuzz.body() == null) {
            request.method(fuzz.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(fuzz.method(), HttpRequest.BodyPublishers.ofString(fuzz.body()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Case> cases(JsonNode api, String method, String template, JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        Map<String, String> pathValues = new LinkedHashMap<>();
        parameters.stream()
                .filter(p -> p.path("in").asText().equals("path"))
                .forEach(p -> pathValues.put(p.path("name").asText(), sampleText(resolve(api, p.path("schema")))));
        JsonNode bodySchema = resolve(api, operation.at("/requestBody/content/application~1json/schema"));
        String validBody =
                bodySchema.isMissingNode() ? null : sample(api, bodySchema, 0).toString();
        List<Case> cases = new ArrayList<>();
        String path = fill(template, pathValues);
        cases.add(new Case(method, path, "", validBody, "sample"));
        // path parameters, one at a time
        pathValues.keySet().forEach(name -> {
            for (String bad :
                    List.of("not-a-uuid", "-1", "99999999999999999999", "%C3%BC%F0%9F%8E%89", "x".repeat(1000))) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(name, bad);
                cases.add(new Case(method, fill(template, values), "", validBody, "path " + name));
            }
        });
        // query parameters, one at a time
        parameters.stream().filter(p -> p.path("in").asText().equals("query")).forEach(p -> {
            String name = p.path("name").asText();
            for (String bad : List.of(
                    "-1",
                    "0",
                    "2147483648",
                    "99999999999999999999",
                    "abc",
                    "1e3",
                    "NOT_A_VALUE",
                    "2026-13-45",
                    "%C3%BC%F0%9F%8E%89",
                    "x".repeat(1000),
                    "")) {
                cases.add(new Case(method, path, "?" + name + "=" + bad, validBody, "query " + name));
            }
        });
        if (parameters.stream().anyMatch(p -> p.path("name").asText().equals("page"))) {
            cases.add(new Case(method, path, "?page=2147483647&size=200", validBody, "page x size overflow"));
        }
        if (validBody != null) {
            for (String raw : List.of("not json", "null", "[]", "{}", "{\"a\":", "\"text\"", "123")) {
                cases.add(new Case(method, path, "", raw, "body " + abbreviate(raw)));
            }
            if (bodySchema.path("type").asText().equals("object") || bodySchema.has("properties")) {
                ObjectNode valid = (ObjectNode) sample(api, bodySchema, 0);
                bodySchema.path("properties").fieldNames().forEachRemaining(field -> {
                    JsonNode fieldSchema =
                            resolve(api, bodySchema.path("properties").path(field));
                    for (JsonNode bad : badValues(fieldSchema)) {
                        ObjectNode body = valid.deepCopy();
                        if (bad == null) {
                            body.remove(field);
                        } else {
                            body.set(field, bad);
                        }
                        cases.add(new Case(
                                method, path, "", body.toString(), field + "=" + abbreviate(String.valueOf(bad))));
                    }
                });
            }
        }
        return cases;
    }

    /** Missing (null here), null, wrong types, extremes, a 100,000-character string, unknown enum, bad formats. */
    private static List<JsonNode> badValues(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>();
        values.add(null);
        values.add(NODES.nullNode());
        values.add(NODES.textNode(HUGE));
        values.add(NODES.numberNode(new java.math.BigInteger("99999999999999999999999")));
        values.add(NODES.numberNode(-1));
        values.add(NODES.numberNode(2147483648L));
        values.add(NODES.numberNode(1e300));
        values.add(NODES.booleanNode(true));
        values.add(NODES.objectNode().put("unexpected", "object"));
        values.add(NODES.arrayNode().add("unexpected").add(1));
        values.add(NODES.textNode("NOT_AN_ENUM_VALUE"));
        values.add(NODES.textNode("not-a-uuid"));
        values.add(NODES.textNode("2026-02-30"));
        values.add(NODES.textNode("ü🎉\u0000\u202e"));
        if (schema.path("type").asText().equals("array")) {
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 20_000; i++) {
                many.add(i);
            }
            values.add(many);
        }
        return values;
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            String name = current.path("$ref").asText().replace("#/components/schemas/", "");
            current = api.path("components").path("schemas").path(name);
        }
        if (current.has("allOf") && current.path("allOf").size() > 0) {
            return resolve(api, current.path("allOf").get(0));
        }
        return current;
    }

    /** A plausible value of the schema; fuzz values name nothing other tests use. */
    private static JsonNode sample(JsonNode api, JsonNode schemaRef, int depth) {
        JsonNode schema = resolve(api, schemaRef);
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(0);
        }
        switch (schema.path("type").asText()) {
            case "integer":
                return NODES.numberNode(1);
            case "number":
                return NODES.numberNode(1.5);
            case "boolean":
                return NODES.booleanNode(false);
            case "array":
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(sample(api, schema.path("items"), depth + 1));
                }
                return array;
            case "string":
                return NODES.textNode(sampleText(schema));
            default:
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties")
                            .fields()
                            .forEachRemaining(p -> object.set(p.getKey(), sample(api, p.getValue(), depth + 1)));
                }
                return object;
        }
    }

    private static String sampleText(JsonNode schema) {
        return switch (schema.path("format").asText()) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> LocalDate.now().minusDays(1).toString();
            case "date-time" -> "2026-11-30T10:00:00Z";
            default -> schema.path("type").asText().equals("integer") ? "1" : "fuzz-sample";
        };
    }

    private static String fill(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            String encoded = value.getValue().contains("%")
                    ? value.getValue()
                    : URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8)
                            .replace("+", "%20");
            path = path.replace("{" + value.getKey() + "}", encoded);
        }
        return path;
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "null" : text.replace('\n', ' ');
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
