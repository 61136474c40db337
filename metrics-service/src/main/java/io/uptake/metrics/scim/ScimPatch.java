package io.uptake.metrics.scim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * A SCIM PatchOp (RFC 7644, 3.5.2) applied to a user: {@code add}, {@code replace} and {@code remove}, in any case
 * (Entra ID writes {@code "Replace"}), with a path or, for add and replace, an object of attributes (as Okta sends
 * {@code {"op": "replace", "value": {"active": false}}}).
 */
final class ScimPatch {

    private ScimPatch() {}

    static ScimUser apply(ScimUser current, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ScimException(400, "invalidSyntax", "The request body must be a PatchOp (a JSON object)");
        }
        JsonNode operations = field(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw new ScimException(400, "invalidSyntax", "Operations is required: an array of 1 or more operations");
        }
        ScimUser user = current.copy();
        for (JsonNode operation : operations) {
            if (!operation.isObject()) {
                throw new ScimException(400, "invalidSyntax", "Each operation must be an object");
            }
            JsonNode opNode = field(operation, "op");
            String op = opNode == null ? "" : opNode.asText().toLowerCase(Locale.ROOT);
            JsonNode pathNode = field(operation, "path");
            String path = pathNode == null || pathNode.isNull() ? null : pathNode.asText();
            JsonNode value = field(operation, "value");
            switch (op) {
                case "add", "replace" -> {
                    if (path != null) {
                        ScimAttributes.set(user, path, value);
                    } else if (value != null && value.isObject()) {
                        ScimAttributes.setAll(user, value, "");
                    } else {
                        throw new ScimException(400, "noTarget", op + " without a path needs an object of attributes");
                    }
                }
                case "remove" -> {
                    if (path == null) {
                        throw new ScimException(400, "noTarget", "remove needs a path");
                    }
                    ScimAttributes.remove(user, path);
                }
                default -> throw new ScimException(400, "invalidSyntax", "op must be add, replace or remove");
            }
        }
        return user;
    }

    /** A member by name in any case: clients write {@code Operations} and {@code operations}, {@code op} and {@code Op}. */
    private static JsonNode field(JsonNode object, String name) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }
}
