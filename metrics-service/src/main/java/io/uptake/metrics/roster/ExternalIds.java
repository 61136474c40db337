package io.uptake.metrics.roster;

import com.fasterxml.jackson.databind.JsonNode;
import io.uptake.platform.api.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A roster entry's {@code externalIds}: the person's ids in the systems Uptake matches them in. Today one system,
 * {@code salesforce} (a user id of 15 or 18 characters, kept in its 15-character form).
 */
final class ExternalIds {

    /** The ids to set by system (a null id clears that system's), or what is wrong with them. */
    record Outcome(Map<String, String> ids, List<Problem.FieldError> errors) {}

    private ExternalIds() {}

    /**
     * The ids of an import's row: a CSV file's {@code salesforceId} column (empty: unchanged), or a JSON entry's
     * {@code externalIds}.
     */
    static Outcome ofRow(Map<String, Object> row) {
        if (row.get("salesforceId") instanceof String id && !id.isBlank()) {
            String normalised = SalesforceIds.normalised(id);
            return normalised == null
                    ? new Outcome(
                            Map.of(),
                            List.of(new Problem.FieldError(
                                    "salesforceId", "must be a Salesforce user id of 15 or 18 letters and digits")))
                    : new Outcome(Map.of("salesforce", normalised), List.of());
        }
        return row.get("externalIds") instanceof JsonNode node ? read(node) : read(null);
    }

    static Outcome read(JsonNode externalIds) {
        Map<String, String> ids = new LinkedHashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (externalIds == null || externalIds.isNull()) {
            return new Outcome(ids, errors);
        }
        if (!externalIds.isObject()) {
            errors.add(new Problem.FieldError("externalIds", "must be an object such as {\"salesforce\": \"005…\"}"));
            return new Outcome(ids, errors);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = externalIds.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = "externalIds." + field.getKey();
            if (!field.getKey().equals("salesforce")) {
                errors.add(new Problem.FieldError(name, "is no system Uptake matches people in (salesforce)"));
            } else if (field.getValue().isNull()) {
                ids.put("salesforce", null);
            } else {
                String id = field.getValue().isTextual()
                        ? SalesforceIds.normalised(field.getValue().asText())
                        : null;
                if (id == null) {
                    errors.add(new Problem.FieldError(
                            name, "must be a Salesforce user id of 15 or 18 letters and digits"));
                } else {
                    ids.put("salesforce", id);
                }
            }
        }
        return new Outcome(ids, errors);
    }
}
