package io.uptake.training.recertification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How long a passed skill counts: it expires {@code validMonths} after the pass (by the UTC date); within
 * {@code windowDays} before that it is {@code EXPIRING} (and the re-test is assigned), from that day on
 * {@code EXPIRED}, before the window {@code VALID}. The recertification check selects the same skills in
 * SQL ({@link RecertificationStore}), with the same arithmetic.
 */
public final class Certification {

    public enum Status {
        VALID,
        EXPIRING,
        EXPIRED
    }

    private Certification() {}

    public static LocalDate expiresOn(OffsetDateTime passedAt, int validMonths) {
        return passedAt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate().plusMonths(validMonths);
    }

    public static Status status(LocalDate expiresOn, LocalDate today, int windowDays) {
        if (!today.isBefore(expiresOn)) {
            return Status.EXPIRED;
        }
        return today.plusDays(windowDays).isBefore(expiresOn) ? Status.VALID : Status.EXPIRING;
    }

    /** When the re-test is due: on the day the pass expires, or (already expired) {@code dueInDays} from today. */
    public static LocalDate retestDue(LocalDate expiresOn, LocalDate today, int dueInDays) {
        return expiresOn.isAfter(today) ? expiresOn : today.plusDays(dueInDays);
    }
}
