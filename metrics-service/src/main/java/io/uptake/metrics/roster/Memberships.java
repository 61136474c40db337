package io.uptake.metrics.roster;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Roster entries over a span of time, and who was on the active roster, in which unit and role, at an instant. */
public final class Memberships {

    /** A person's unit, role and roster state from {@code validFrom} until {@code validTo} (null: still). */
    public record Entry(
            String userId,
            String businessUnit,
            String jobRole,
            boolean active,
            OffsetDateTime validFrom,
            OffsetDateTime validTo) {

        boolean inForceAt(OffsetDateTime at) {
            return !validFrom.isAfter(at) && (validTo == null || validTo.isAfter(at));
        }
    }

    private final List<Entry> entries;

    public Memberships(List<Entry> entries) {
        this.entries = entries;
    }

    /** The people on the active roster at {@code at} (of {@code businessUnit}, or all when null), by user id. */
    public List<Entry> activeAt(OffsetDateTime at, String businessUnit) {
        List<Entry> active = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.active()
                    && entry.inForceAt(at)
                    && (businessUnit == null || businessUnit.equals(entry.businessUnit()))) {
                active.add(entry);
            }
        }
        active.sort(Comparator.comparing(Entry::userId));
        return active;
    }
}
