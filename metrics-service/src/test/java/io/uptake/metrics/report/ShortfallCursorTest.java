package io.uptake.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uptake.platform.api.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Walking the shortfall list page by page with the cursor. */
class ShortfallCursorTest {

    private static ShortfallRow row(String user, int gap) {
        return new ShortfallRow(user, null, "Unit", "rep", "BELOW", 100 - gap, null, List.of(), gap, false, null);
    }

    @Test
    void aWalkVisitsEveryRowOnceInOrder() {
        Random random = new Random(7);
        List<ShortfallRow> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(row("user-" + random.nextInt(1000) + "-" + i, random.nextInt(5) * 25));
        }
        List<ShortfallRow> sorted = rows.stream().sorted(ShortfallCursor.ORDER).toList();
        List<ShortfallRow> walked = new ArrayList<>();
        ShortfallCursor cursor = null;
        do {
            ShortfallCursor after = cursor;
            List<ShortfallRow> page = sorted.stream()
                    .filter(r -> after == null || after.isBefore(r))
                    .limit(7)
                    .toList();
            walked.addAll(page);
            cursor = page.isEmpty()
                    ? null
                    : ShortfallCursor.decode(ShortfallCursor.of(page.getLast()).encode());
        } while (cursor != null && walked.size() < sorted.size());
        assertThat(walked).containsExactlyElementsOf(sorted);
    }

    @Test
    void aRowWhoseGapShrankAfterThePositionComesAgainLaterNeverIsSkipped() {
        ShortfallCursor position = ShortfallCursor.of(row("m", 50));
        assertThat(position.isBefore(row("a", 25))).isTrue();
        assertThat(position.isBefore(row("z", 50))).isTrue();
        assertThat(position.isBefore(row("a", 50))).isFalse();
        assertThat(position.isBefore(row("z", 75))).isFalse();
    }

    @Test
    void userIdsWithColonsSurviveAndForgedCursorsAreRefused() {
        ShortfallCursor cursor = new ShortfallCursor(40, "odd:user@example.com");
        assertThat(ShortfallCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(ShortfallCursor.decode(null)).isNull();
        for (String forged : List.of("???", "bm8tY29sb24", "MTAxOng", "LTE6eA")) {
            assertThatThrownBy(() -> ShortfallCursor.decode(forged)).isInstanceOf(InvalidInput.class);
        }
    }
}
