package io.uptake.metrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The usual form read without the formatter gives exactly what {@code OffsetDateTime.parse} gives, valid or not. */
class Rfc3339Test {

    @Test
    void theUsualFormsAreReadWithoutTheFormatter() {
        assertThat(Rfc3339.usualForm("2026-11-02T09:15:00Z")).isEqualTo(Instant.parse("2026-11-02T09:15:00Z"));
        assertThat(Rfc3339.usualForm("2026-11-02T09:15:00.5+01:30"))
                .isEqualTo(Instant.parse("2026-11-02T07:45:00.500Z"));
        assertThat(Rfc3339.usualForm("2024-02-29T23:59:59.123456789-18:00"))
                .isEqualTo(Instant.parse("2024-03-01T17:59:59.123456789Z"));
    }

    @Test
    void otherFormsAndInvalidOnesAreLeftToTheFormatter() {
        for (String text : List.of(
                "2026-11-02T09:15Z", // no seconds: valid, but not the usual form
                "2026-11-02t09:15:00z", // lower case: valid
                "2026-11-02T09:15:00+01:00:30", // an offset with seconds: valid
                "2026-02-29T09:15:00Z", // not a leap year
                "2026-13-02T09:15:00Z",
                "2026-11-02T24:00:00Z",
                "2026-11-02T09:15:60Z",
                "2026-11-02T09:15:00.Z",
                "2026-11-02T09:15:00.1234567891Z",
                "2026-11-02T09:15:00+19:00",
                "2026-11-02T09:15:00",
                "2026-11-02 09:15:00Z")) {
            assertThat(Rfc3339.usualForm(text)).as(text).isNull();
        }
        assertThat(Rfc3339.parse("2026-11-02T09:15Z")).isEqualTo(Instant.parse("2026-11-02T09:15:00Z"));
        assertThatThrownBy(() -> Rfc3339.parse("2026-02-29T09:15:00Z")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void agreesWithOffsetDateTimeOnManyTextsNearTheUsualForm() {
        Random random = new Random(28);
        String[] offsets = {"Z", "+00:00", "-00:00", "+05:30", "-12:45", "+18:00", "-18:00", "+18:01", "+1:00", "z"};
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder("%04d-%02d-%02dT%02d:%02d:%02d"
                    .formatted(
                            random.nextInt(10_000),
                            random.nextInt(14),
                            random.nextInt(33),
                            random.nextInt(26),
                            random.nextInt(62),
                            random.nextInt(62)));
            if (random.nextBoolean()) {
                text.append('.').append(String.valueOf(random.nextLong(Long.MAX_VALUE)), 0, random.nextInt(11));
            }
            text.append(offsets[random.nextInt(offsets.length)]);
            if (random.nextInt(20) == 0) {
                text.setCharAt(random.nextInt(text.length()), "0:-T+.Zx9".charAt(random.nextInt(9)));
            }
            texts.add(text.toString());
        }
        int valid = 0;
        for (String text : texts) {
            Instant expected;
            try {
                expected = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException invalid) {
                assertThatThrownBy(() -> Rfc3339.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
                continue;
            }
            valid++;
            assertThat(Rfc3339.parse(text)).as(text).isEqualTo(expected);
        }
        assertThat(valid).as("a fair share of the texts are valid").isGreaterThan(3_000);
    }
}
