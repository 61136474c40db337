package io.uptake.metrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UsageEventStoreTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:15:00Z");
    private static final Instant MONDAY_LATE = Instant.parse("2026-11-23T23:59:59Z");
    private static final Instant TUESDAY_EARLY = Instant.parse("2026-11-24T00:00:01Z");

    private final UsageEventStore store;
    private final Pool pool;

    UsageEventStoreTest(UsageEventStore store, Pool pool) {
        this.store = store;
        this.pool = pool;
    }

    @Test
    @RunOnVertxContext
    void theSameEventsAppliedTwiceCountOnce(UniAsserter asserter) {
        String user = "store-" + UUID.randomUUID();
        List<UsageEvent> events = List.of(
                event(user, "login", MONDAY_MORNING),
                event(user, "record.created", MONDAY_MORNING),
                event(user, "record.created", MONDAY_LATE),
                event(user, "record.created", TUESDAY_EARLY));

        asserter.execute(() -> store.apply(events, java.time.LocalDate.MIN));
        asserter.execute(() -> store.apply(events, java.time.LocalDate.MIN));
        asserter.execute(() -> store.apply(List.of(events.get(1), events.get(1)), java.time.LocalDate.MIN));

        asserter.assertThat(
                () -> rollup(user, "2026-11-23", "record.created"),
                count -> assertThat(count).isEqualTo(2L));
        asserter.assertThat(
                () -> rollup(user, "2026-11-23", "login"),
                count -> assertThat(count).isEqualTo(1L));
        asserter.assertThat(
                () -> rollup(user, "2026-11-24", "record.created"),
                count -> assertThat(count).isEqualTo(1L));
        asserter.assertThat(
                () -> store.recorded(events), recorded -> assertThat(recorded).hasSize(4));
    }

    private io.smallrye.mutiny.Uni<Long> rollup(String user, String day, String action) {
        return pool.preparedQuery("select events from daily_rollup where user_id = $1 and day = $2 and action = $3")
                .execute(Tuple.of(user, java.time.LocalDate.parse(day), action))
                .map(rows -> rows.size() == 0 ? 0L : rows.iterator().next().getLong("events"));
    }

    private static UsageEvent event(String user, String action, Instant at) {
        return new UsageEvent(UUID.randomUUID(), user, action, at, "contact", "test");
    }
}
