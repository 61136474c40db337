package io.uptake.metrics.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Usage events as one array per column, what a set-based statement takes ({@code unnest($1::uuid[], …)}): the i-th
 * element of each array is the i-th event's.
 */
record EventColumns(
        UUID[] ids,
        String[] users,
        String[] actions,
        OffsetDateTime[] occurred,
        LocalDate[] days,
        String[] objectTypes,
        String[] sources,
        String[] objectIds) {

    static EventColumns of(List<UsageEvent> events) {
        int size = events.size();
        EventColumns columns = new EventColumns(
                new UUID[size],
                new String[size],
                new String[size],
                new OffsetDateTime[size],
                new LocalDate[size],
                new String[size],
                new String[size],
                new String[size]);
        for (int i = 0; i < size; i++) {
            UsageEvent event = events.get(i);
            columns.ids[i] = event.eventId();
            columns.users[i] = event.userId();
            columns.actions[i] = event.action();
            columns.occurred[i] = event.occurredAt().atOffset(ZoneOffset.UTC);
            columns.days[i] = UsageEventStore.day(event);
            columns.objectTypes[i] = event.objectType();
            columns.sources[i] = event.source();
            columns.objectIds[i] = event.objectId();
        }
        return columns;
    }
}
