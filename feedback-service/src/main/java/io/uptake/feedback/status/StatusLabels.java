package io.uptake.feedback.status;

import io.uptake.feedback.item.Status;
import io.uptake.platform.api.InvalidInput;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation's names for the fixed statuses: a status it has not named shows its code, a name is 1 to 60
 * printable characters, and no two statuses may show the same name (ignoring case), or people could not tell them apart.
 */
public final class StatusLabels {

    public static final int MAX_LENGTH = 60;

    private StatusLabels() {}

    /** What people read for {@code status}, given the labels the organisation has set. */
    public static String labelOf(Status status, Map<Status, String> named) {
        String label = named.get(status);
        return label == null ? status.name() : label;
    }

    /** The label as it will be kept (trimmed), or a 400 naming {@code label}. */
    public static String cleaned(String label) {
        String trimmed = label == null ? "" : label.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInput("label", "must not be blank");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidInput("label", "must be at most " + MAX_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("label", "must not contain control characters");
        }
        return trimmed;
    }

    /** Another status that would show the same label as {@code status} named {@code label}, if any. */
    public static Optional<Status> clash(Status status, String label, Map<Status, String> named) {
        String wanted = label.toLowerCase(Locale.ROOT);
        for (Status other : Status.values()) {
            if (other != status
                    && labelOf(other, named).toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }
}
