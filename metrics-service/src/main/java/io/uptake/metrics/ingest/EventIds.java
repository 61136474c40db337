package io.uptake.metrics.ingest;

/**
 * The shapes of an event's ids, checked character by character (the regular expressions they replace, kept in
 * {@code EventIdsTest}, were a twentieth of the service's CPU while ingesting).
 */
final class EventIds {

    static final int MAX_USER_ID = 100;

    private EventIds() {}

    /** 8-4-4-4-12 hexadecimal digits, either case. */
    static boolean isUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean ok = (i == 8 || i == 13 || i == 18 || i == 23) ? c == '-' : isHex(c);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** 1 to {@value #MAX_USER_ID} characters, each a letter or a number (any script) or one of {@code . _ @ + -}. */
    static boolean isUserId(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!allowedInUserId(c) || ++count > MAX_USER_ID) {
                return false;
            }
            i += Character.charCount(c);
        }
        return count > 0;
    }

    private static boolean allowedInUserId(int c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '@'
                    || c == '+'
                    || c == '-';
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
