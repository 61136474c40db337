package io.uptake.platform.work;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Scheduled work that must run once per period for the whole deployment, however many replicas tick:
 * time is cut into slots of the period (by the database's clock, so replicas' clocks do not matter),
 * and the first replica to record the job's current slot in {@code scheduled_run} runs it; the others
 * skip that slot. Each run counts in {@code uptake.scheduled.runs{job}}.
 */
@ApplicationScoped
public class ClusterSchedule {

    private final Pool pool;
    private final MeterRegistry registry;

    public ClusterSchedule(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.registry = registry;
    }

    /** Runs the work if no replica has run this job in the current slot yet. */
    public Uni<Void> oncePerSlot(String job, Duration slot, Supplier<Uni<?>> work) {
        return claim(job, slot).flatMap(mine -> {
            if (!mine) {
                return Uni.createFrom().voidItem();
            }
            Counter.builder("uptake.scheduled.runs")
                    .description("Runs of a job that runs once per period for the whole deployment")
                    .tag("job", job)
                    .register(registry)
                    .increment();
            return work.get().replaceWithVoid();
        });
    }

    /** Whether this replica took the job's current slot; slots older than a week are forgotten. */
    Uni<Boolean> claim(String job, Duration slot) {
        return pool.preparedQuery("""
                        with slot as (
                            select to_timestamp(floor(extract(epoch from clock_timestamp()) * 1000 / $2) * $2 / 1000.0) as start),
                        forgotten as (
                            delete from scheduled_run where job = $1 and slot < clock_timestamp() - interval '7 days')
                        insert into scheduled_run (job, slot) select $1, start from slot
                        on conflict do nothing""")
                .execute(Tuple.of(job, (double) Math.max(1, slot.toMillis())))
                .map(rows -> rows.rowCount() == 1);
    }
}
