package io.uptake.training.recertification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A pass expires after its months (by the UTC date); EXPIRING within the window before, EXPIRED from the day on. */
class CertificationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void aPassExpiresItsMonthsAfterTheUtcDateOfThePass() {
        assertThat(Certification.expiresOn(OffsetDateTime.parse("2025-12-02T10:00:00Z"), 12))
                .isEqualTo(LocalDate.of(2026, 12, 2));
        // 23:30 in New York is the next day in UTC
        assertThat(Certification.expiresOn(OffsetDateTime.parse("2025-12-01T23:30:00-05:00"), 12))
                .isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(Certification.expiresOn(OffsetDateTime.of(2026, 1, 31, 8, 0, 0, 0, ZoneOffset.UTC), 1))
                .isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void validBeforeTheWindowExpiringWithinItExpiredFromTheDayOn() {
        assertThat(Certification.status(TODAY.plusDays(31), TODAY, 30)).isEqualTo(Certification.Status.VALID);
        assertThat(Certification.status(TODAY.plusDays(30), TODAY, 30)).isEqualTo(Certification.Status.EXPIRING);
        assertThat(Certification.status(TODAY.plusDays(1), TODAY, 30)).isEqualTo(Certification.Status.EXPIRING);
        assertThat(Certification.status(TODAY, TODAY, 30)).isEqualTo(Certification.Status.EXPIRED);
        assertThat(Certification.status(TODAY.minusMonths(1), TODAY, 30)).isEqualTo(Certification.Status.EXPIRED);
    }

    @Test
    void theRetestIsDueOnTheExpiryOrSoonWhenAlreadyExpired() {
        assertThat(Certification.retestDue(TODAY.plusDays(10), TODAY, 14)).isEqualTo(TODAY.plusDays(10));
        assertThat(Certification.retestDue(TODAY, TODAY, 14)).isEqualTo(TODAY.plusDays(14));
        assertThat(Certification.retestDue(TODAY.minusDays(40), TODAY, 14)).isEqualTo(TODAY.plusDays(14));
    }
}
