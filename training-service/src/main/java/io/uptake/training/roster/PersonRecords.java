package io.uptake.training.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads a record of {@code uptake.people} into the state the projection keeps, or says why it cannot:
 * the key must be a user id, the value a JSON object whose known fields have their types (the contract
 * in docs/events). A tombstone (null value) is the person becoming inactive as of {@code now}.
 */
final class PersonRecords {

    /** Longest text kept per field (the projection's columns). */
    static final int MAX_TEXT = 200;

    /** One person's state as a record carries it, with the record's value as received (for a dead letter). */
    record State(
            String userId,
            String displayName,
            String businessUnit,
            String jobRole,
            boolean active,
            OffsetDateTime updatedAt,
            String source) {}

    /** Why a record is not a person. */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private PersonRecords() {}

    static State read(String key, String value, OffsetDateTime now) throws Unreadable {
        if (key == null || key.isBlank() || key.length() > 100) {
            throw new Unreadable("the key is no user id (1 to 100 characters)");
        }
        if (value == null) {
            return new State(key, null, null, null, false, now, null);
        }
        JsonNode person;
        try {
            person = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new Unreadable("not JSON: " + e.getOriginalMessage());
        }
        if (person == null || !person.isObject()) {
            throw new Unreadable("not a person: the value must be a JSON object");
        }
        return new State(
                key,
                text(person, "displayName"),
                text(person, "businessUnit"),
                text(person, "jobRole"),
                active(person),
                updatedAt(person, now),
                value);
    }

    private static String text(JsonNode person, String field) throws Unreadable {
        JsonNode node = person.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new Unreadable(field + ": must be a string");
        }
        String text = node.asText();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    private static boolean active(JsonNode person) throws Unreadable {
        JsonNode node = person.get("active");
        if (node == null || node.isNull()) {
            return true;
        }
        if (!node.isBoolean()) {
            throw new Unreadable("active: must be true or false");
        }
        return node.asBoolean();
    }

    private static OffsetDateTime updatedAt(JsonNode person, OffsetDateTime now) throws Unreadable {
        JsonNode node = person.get("updatedAt");
        if (node == null || node.isNull()) {
            return now;
        }
        try {
            return OffsetDateTime.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new Unreadable("updatedAt: must be a date-time such as 2026-12-01T10:15:30Z");
        }
    }
}
