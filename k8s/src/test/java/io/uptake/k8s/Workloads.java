package io.uptake.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** Small readers over rendered documents. */
final class Workloads {

    private Workloads() {}

    static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static Map<String, String> map(JsonNode object) {
        Map<String, String> out = new HashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static List<JsonNode> containers(JsonNode deployment) {
        List<JsonNode> all = new ArrayList<>(list(deployment.at("/spec/template/spec/initContainers")));
        all.addAll(list(deployment.at("/spec/template/spec/containers")));
        return all;
    }

    static Map<String, String> podLabels(JsonNode deployment) {
        return map(deployment.at("/spec/template/metadata/labels"));
    }

    /** True when every pair of the selector is among the labels (an empty selector selects nothing here). */
    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    /** The literal value of a container's environment variable, or null. */
    static String env(JsonNode container, String name) {
        return list(container.path("env")).stream()
                .filter(e -> name.equals(e.path("name").asText()) && e.has("value"))
                .map(e -> e.path("value").asText())
                .findFirst()
                .orElse(null);
    }
}
