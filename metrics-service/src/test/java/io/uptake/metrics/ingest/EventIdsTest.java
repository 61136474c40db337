package io.uptake.metrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The character checks answer as the regular expressions they replaced, on ids of every kind. */
class EventIdsTest {

    private static final Pattern UUID_FORMAT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern USER_ID = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,100}");

    @Test
    void examples() {
        assertThat(EventIds.isUuid(UUID.randomUUID().toString())).isTrue();
        assertThat(EventIds.isUuid("3F2B8C1E-5D4A-4E3B-9C1D-2A6F7E8D9B0C")).isTrue();
        assertThat(EventIds.isUuid("3f2b8c1e-5d4a-4e3b-9c1d-2a6f7e8d9b0")).isFalse();
        assertThat(EventIds.isUuid("3f2b8c1e-5d4a-4e3b-9c1d+2a6f7e8d9b0c")).isFalse();
        assertThat(EventIds.isUserId("ana.lima@example.com")).isTrue();
        assertThat(EventIds.isUserId("Zoë_Ω-٣")).isTrue();
        assertThat(EventIds.isUserId("𝒜".repeat(100)))
                .as("100 letters outside the BMP")
                .isTrue();
        assertThat(EventIds.isUserId("a".repeat(101))).isFalse();
        assertThat(EventIds.isUserId("")).isFalse();
        assertThat(EventIds.isUserId("ana lima")).isFalse();
        assertThat(EventIds.isUserId("\uD835")).as("an unpaired surrogate").isFalse();
    }

    @Test
    void agreesWithTheRegularExpressionsOnRandomTexts() {
        Random random = new Random(28);
        String alphabet = "0123456789abcdefABCDEFgz-._@+ /Zë٣Ⅻ½\u00A0\u200B\uD835\uDC9C\uD835";
        for (int i = 0; i < 50_000; i++) {
            int length = random.nextInt(4) == 0 ? 36 : random.nextInt(110);
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(3) == 0 && length == 36) {
                for (int dash : new int[] {8, 13, 18, 23}) {
                    text.setCharAt(dash, '-');
                }
            }
            String id = text.toString();
            assertThat(EventIds.isUuid(id))
                    .as(id)
                    .isEqualTo(UUID_FORMAT.matcher(id).matches());
            assertThat(EventIds.isUserId(id))
                    .as(id)
                    .isEqualTo(USER_ID.matcher(id).matches());
        }
    }
}
