package io.uptake.gateway.openapi;

import io.quarkus.logging.Log;
import io.quarkus.vertx.http.ManagementInterface;
import io.uptake.gateway.routing.GatewayConfig;
import io.uptake.gateway.routing.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /openapi}: one OpenAPI document made of the three services' own ({@code /q/openapi}),
 * fetched when asked. Each service's schemas are renamed with its name in front ({@code feedback.ItemView})
 * so that equal names never clash; a service that does not answer is left out and named in
 * {@code x-uptake-unavailable}. The Swagger UI at {@code /q/swagger-ui} shows this document.
 */
@ApplicationScoped
public class CombinedOpenApi {

    private static final String SCHEMAS = "#/components/schemas/";

    private final GatewayConfig config;
    private final HttpClient client;

    public CombinedOpenApi(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient(Upstream.clientOptions(config)
                .setConnectTimeout((int) config.connectTimeout().toMillis()));
    }

    /** On the management interface, as each service's own document is: never on the port the API is served on. */
    void register(@Observes ManagementInterface management) {
        management.router().get("/openapi").handler(this::serve);
        management.router().get("/openapi.json").handler(this::serve);
    }

    private void serve(RoutingContext context) {
        Map<String, Future<JsonObject>> documents = new TreeMap<>();
        // one document per service: the other routes to a service (metrics' /v1 and /scim/v2) are in its document
        java.util.Set<java.net.URI> services = new java.util.HashSet<>();
        new TreeMap<>(config.routes()).forEach((name, route) -> {
            if (!route.writeKeys() && services.add(route.url())) {
                documents.put(name, fetch(Upstream.managementOf(name, route)));
            }
        });
        Future.join(new ArrayList<>(documents.values())).onComplete(done -> {
            JsonObject combined = new JsonObject()
                    .put("openapi", "3.0.3")
                    .put(
                            "info",
                            new JsonObject()
                                    .put("title", "Uptake API")
                                    .put("version", "0.1.0")
                                    .put(
                                            "description",
                                            "The REST API of the three Uptake services, as reached through the gateway."))
                    .put("paths", new JsonObject())
                    .put(
                            "components",
                            new JsonObject().put("schemas", new JsonObject()).put("securitySchemes", new JsonObject()));
            List<String> unavailable = new ArrayList<>();
            JsonArray tags = new JsonArray();
            documents.forEach((name, document) -> {
                if (document.failed()) {
                    unavailable.add(name);
                    return;
                }
                merge(combined, name, document.result(), tags);
            });
            if (!tags.isEmpty()) {
                combined.put("tags", tags);
            }
            if (!unavailable.isEmpty()) {
                combined.put("x-uptake-unavailable", new JsonArray(unavailable));
            }
            context.response().putHeader("Content-Type", "application/json").end(combined.encode());
        });
    }

    private Future<JsonObject> fetch(Upstream upstream) {
        RequestOptions options = upstream.request()
                .setMethod(HttpMethod.GET)
                .setURI("/q/openapi?format=json")
                .setTimeout(config.healthTimeout().toMillis());
        return client.request(options)
                .compose(request ->
                        request.putHeader("Accept", "application/json").send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("status " + response.statusCode()))
                .map(body -> new JsonObject(body))
                .onFailure(
                        failure -> Log.warnf("OpenAPI of %s unavailable: %s", upstream.name(), failure.getMessage()));
    }

    private static void merge(JsonObject combined, String service, JsonObject document, JsonArray tags) {
        JsonObject renamed = (JsonObject) rename(document, service);
        JsonObject paths = renamed.getJsonObject("paths", new JsonObject());
        paths.forEach(path -> combined.getJsonObject("paths").put(path.getKey(), path.getValue()));
        JsonObject components = renamed.getJsonObject("components", new JsonObject());
        components
                .getJsonObject("schemas", new JsonObject())
                .forEach(schema -> combined.getJsonObject("components")
                        .getJsonObject("schemas")
                        .put(service + "." + schema.getKey(), schema.getValue()));
        components
                .getJsonObject("securitySchemes", new JsonObject())
                .forEach(scheme -> combined.getJsonObject("components")
                        .getJsonObject("securitySchemes")
                        .put(scheme.getKey(), scheme.getValue()));
        renamed.getJsonArray("tags", new JsonArray()).forEach(tags::add);
    }

    /** A deep copy in which every schema reference points at the renamed schema. */
    private static Object rename(Object node, String service) {
        if (node instanceof JsonObject object) {
            JsonObject copy = new JsonObject();
            object.forEach(entry -> {
                if (entry.getKey().equals("$ref")
                        && entry.getValue() instanceof String ref
                        && ref.startsWith(SCHEMAS)) {
                    copy.put("$ref", SCHEMAS + service + "." + ref.substring(SCHEMAS.length()));
                } else {
                    copy.put(entry.getKey(), rename(entry.getValue(), service));
                }
            });
            return copy;
        }
        if (node instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(element -> copy.add(rename(element, service)));
            return copy;
        }
        return node;
    }
}
