package io.uptake.metrics.salesforce;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.metrics.roster.SalesforceIds;
import io.uptake.platform.api.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One line of a Salesforce Event Monitoring EventLogFile (its documented columns: {@code EVENT_TYPE},
 * {@code TIMESTAMP_DERIVED} or {@code TIMESTAMP}, {@code USER_ID_DERIVED} or {@code USER_ID}, {@code REQUEST_ID}, and
 * where the type has them {@code ENTITY_NAME} or {@code PAGE_ENTITY_TYPE}, {@code RECORD_ID} or
 * {@code PAGE_ENTITY_ID}), turned into an item of Uptake's own ingestion. The person is the one whose roster entry
 * carries the Salesforce user id; the action is the event mapping of {@code sf:<type>:<entity>}, else of
 * {@code sf:<type>}, else the default of the type ({@code Login} is {@code login}, {@code Report} is
 * {@code report.run}) when the catalogue has it. The same request of the same type by the same user is the same
 * event, however often the file is imported.
 */
final class EventLogTranslator {

    /** What became of one line. */
    sealed interface Line {
        record Item(ObjectNode item) implements Line {}

        /**
         * A line under a name no mapping names yet; {@code pending}: the item it would have been, its action the name
         * (kept so that mapping the name later may count it), null for a user no roster entry names.
         */
        record Unmapped(String name, ObjectNode pending) implements Line {}

        record Rejected(List<String> errors) implements Line {}

        record Blank() implements Line {}
    }

    static final String UNKNOWN_USER = "sf:(a user no roster entry names)";
    private static final Map<String, String> DEFAULTS = Map.of("Login", "login", "Report", "report.run");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss[.SSS]");
    private static final int MAX_LABEL = 100;

    private final Map<String, Integer> columns = new HashMap<>();
    private final Map<String, String> userBySalesforceId;
    private final Map<String, String> mappings;
    private final Set<String> actions;

    /** {@code userBySalesforceId}: the roster's user ids by their 15-character Salesforce id. */
    EventLogTranslator(
            List<String> header,
            Map<String, String> userBySalesforceId,
            Map<String, String> mappings,
            Set<String> actions) {
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().replace("\uFEFF", "").toUpperCase(Locale.ROOT), i);
        }
        for (String[] required : new String[][] {
            {"EVENT_TYPE"}, {"TIMESTAMP_DERIVED", "TIMESTAMP"}, {"USER_ID_DERIVED", "USER_ID"}, {"REQUEST_ID"}
        }) {
            if (java.util.Arrays.stream(required).noneMatch(columns::containsKey)) {
                throw new InvalidInput("header", "has no " + String.join(" or ", required) + " column");
            }
        }
        this.userBySalesforceId = userBySalesforceId;
        this.mappings = mappings;
        this.actions = actions;
    }

    Line translate(List<String> fields) {
        if (fields.size() == 1 && fields.get(0).isBlank()) {
            return new Line.Blank();
        }
        String type = value(fields, "EVENT_TYPE");
        if (type == null || type.length() > MAX_LABEL) {
            return rejected("EVENT_TYPE: is required, at most " + MAX_LABEL + " characters");
        }
        Instant occurredAt = occurredAt(fields);
        if (occurredAt == null) {
            return rejected("TIMESTAMP_DERIVED: must be a time such as 2026-12-01T10:15:30.123Z");
        }
        String rawUser = value(fields, "USER_ID_DERIVED", "USER_ID");
        String salesforceUser = SalesforceIds.normalised(rawUser);
        if (salesforceUser == null) {
            return rejected("USER_ID: must be a Salesforce user id of 15 or 18 letters and digits");
        }
        String requestId = value(fields, "REQUEST_ID");
        if (requestId == null || requestId.length() > 200) {
            return rejected("REQUEST_ID: is required, at most 200 characters");
        }
        String userId = userBySalesforceId.get(salesforceUser);
        if (userId == null) {
            return new Line.Unmapped(UNKNOWN_USER, null);
        }
        String entity = value(fields, "ENTITY_NAME", "PAGE_ENTITY_TYPE");
        String specific = entity == null ? null : "sf:" + type + ":" + entity;
        String action = specific != null && mappings.containsKey(specific) ? mappings.get(specific) : null;
        if (action == null) {
            action = mappings.getOrDefault("sf:" + type, DEFAULTS.get(type));
        }
        if (action == null || !actions.contains(action)) {
            String name = specific != null ? specific : "sf:" + type;
            return new Line.Unmapped(
                    name, item(fields, type, requestId, salesforceUser, userId, name, occurredAt, entity));
        }
        return new Line.Item(item(fields, type, requestId, salesforceUser, userId, action, occurredAt, entity));
    }

    private ObjectNode item(
            List<String> fields,
            String type,
            String requestId,
            String salesforceUser,
            String userId,
            String action,
            Instant occurredAt,
            String entity) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("eventId", eventId(type, requestId, salesforceUser).toString());
        item.put("userId", userId);
        item.put("action", action);
        item.put("occurredAt", occurredAt.toString());
        item.put("source", "salesforce");
        if (entity != null && entity.length() <= MAX_LABEL) {
            item.put("objectType", entity);
        }
        String objectId = value(fields, "RECORD_ID", "PAGE_ENTITY_ID");
        if (objectId != null && objectId.length() <= 200) {
            item.put("objectId", objectId);
        }
        return item;
    }

    /** {@code REQUEST_ID} + type + user: the same line imported twice is the same event. */
    static UUID eventId(String type, String requestId, String salesforceUser) {
        return UUID.nameUUIDFromBytes(
                ("salesforce/" + type + "/" + requestId + "/" + salesforceUser).getBytes(StandardCharsets.UTF_8));
    }

    private Instant occurredAt(List<String> fields) {
        String derived = value(fields, "TIMESTAMP_DERIVED");
        try {
            if (derived != null) {
                return Instant.parse(derived);
            }
            String plain = value(fields, "TIMESTAMP");
            return plain == null ? null : LocalDateTime.parse(plain, TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The first of these columns that the file has and the line fills, or null. */
    private String value(List<String> fields, String... names) {
        for (String name : names) {
            Integer index = columns.get(name);
            if (index != null && index < fields.size() && !fields.get(index).isBlank()) {
                return fields.get(index).strip();
            }
        }
        return null;
    }

    private static Line rejected(String error) {
        return new Line.Rejected(List.of(error));
    }
}
