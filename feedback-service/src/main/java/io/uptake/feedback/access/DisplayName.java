package io.uptake.feedback.access;

import io.uptake.platform.access.Caller;

/**
 * The name a person is shown by, as recorded with what they do (items, comments, moves): the caller's display name
 * from their token, at most {@value #MAX_LENGTH} characters; null when the token carries none.
 */
public final class DisplayName {

    public static final int MAX_LENGTH = 200;

    private DisplayName() {}

    public static String of(Caller caller) {
        String name = caller.displayName();
        if (name == null || name.isBlank()) {
            return null;
        }
        String stripped = name.strip();
        if (stripped.length() <= MAX_LENGTH) {
            return stripped;
        }
        // never half of a surrogate pair
        int end = Character.isHighSurrogate(stripped.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
        return stripped.substring(0, end);
    }
}
