package io.uptake.metrics.roster;

import io.uptake.platform.api.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks one roster row, from a JSON object or a CSV line: string fields as strings, the two flags as
 * booleans ({@code true}/{@code false}); every problem is named by its field.
 */
final class PersonValidator {

    static final Pattern USER_ID = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** A valid entry, or the errors (never both). */
    record Outcome(PersonEntry entry, List<Problem.FieldError> errors) {
        boolean valid() {
            return entry != null;
        }
    }

    private PersonValidator() {}

    static Outcome validate(Map<String, Object> row) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String userId = text(row, "userId", true, 100, errors);
        if (userId != null && !USER_ID.matcher(userId).matches()) {
            errors.add(new Problem.FieldError("userId", "must be 1 to 100 letters, digits or . _ @ + -"));
        }
        String displayName = text(row, "displayName", true, 200, errors);
        String email = text(row, "email", false, 254, errors);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new Problem.FieldError("email", "must be an e-mail address"));
        }
        String businessUnit = text(row, "businessUnit", true, 100, errors);
        String jobRole = text(row, "jobRole", true, 100, errors);
        String managerId = text(row, "managerId", false, 100, errors);
        if (managerId != null && !USER_ID.matcher(managerId).matches()) {
            errors.add(new Problem.FieldError("managerId", "must be a user id"));
        }
        boolean executive = flag(row, "executive", false, errors);
        boolean active = flag(row, "active", true, errors);
        if (!errors.isEmpty()) {
            return new Outcome(null, List.copyOf(errors));
        }
        return new Outcome(
                new PersonEntry(
                        userId,
                        displayName.strip(),
                        email,
                        businessUnit.strip(),
                        jobRole.strip(),
                        managerId,
                        executive,
                        active),
                List.of());
    }

    private static String text(
            Map<String, Object> row, String field, boolean required, int maxLength, List<Problem.FieldError> errors) {
        Object value = row.get(field);
        if (value == null || (value instanceof String s && s.isBlank())) {
            if (required) {
                errors.add(new Problem.FieldError(field, "is required"));
            }
            return null;
        }
        if (!(value instanceof String text)) {
            errors.add(new Problem.FieldError(field, "must be a string"));
            return null;
        }
        if (text.length() > maxLength) {
            errors.add(new Problem.FieldError(field, "at most " + maxLength + " characters"));
            return null;
        }
        return text;
    }

    private static boolean flag(
            Map<String, Object> row, String field, boolean missing, List<Problem.FieldError> errors) {
        Object value = row.get(field);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return missing;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        errors.add(new Problem.FieldError(field, "must be true or false"));
        return missing;
    }
}
