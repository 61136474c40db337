package io.uptake.metrics.report;

import io.uptake.platform.api.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;

/**
 * A position in the shortfall list (largest gap first, then user id): the last row of a page, given to
 * the client as an opaque {@code next} and taken back as {@code after=}. Each page lists the rows after the
 * position in the data as it is then. Ingestion only adds events, so a gap can only shrink while a client
 * walks the list, which moves the person later: nobody is skipped, and a person whose gap shrank between
 * two pages may appear again with the newer figures.
 */
record ShortfallCursor(int gap, String userId) {

    static final Comparator<ShortfallRow> ORDER =
            Comparator.comparingInt(ShortfallRow::gap).reversed().thenComparing(ShortfallRow::userId);

    static ShortfallCursor of(ShortfallRow row) {
        return new ShortfallCursor(row.gap(), row.userId());
    }

    boolean isBefore(ShortfallRow row) {
        return row.gap() < gap || (row.gap() == gap && row.userId().compareTo(userId) > 0);
    }

    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((gap + ":" + userId).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or null for the first page. */
    static ShortfallCursor decode(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            int gap = Integer.parseInt(text.substring(0, colon));
            String userId = text.substring(colon + 1);
            if (gap < 0 || gap > 100 || userId.isEmpty()) {
                throw new IllegalArgumentException(text);
            }
            return new ShortfallCursor(gap, userId);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new InvalidInput("after", "must be the 'next' value of the previous page");
        }
    }
}
