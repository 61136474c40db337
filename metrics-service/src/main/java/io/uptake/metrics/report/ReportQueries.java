package io.uptake.metrics.report;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.scorecard.TeamScorecards;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The per-unit totals behind the conformity report, the version of the data the reports show and the journal of whose
 * usage changed, in PostgreSQL.
 */
@ApplicationScoped
public class ReportQueries {

    private final Pool pool;

    public ReportQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * Where the data stands: {@code version} moves with every change a report can show (triggers, V11), {@code
     * structure} with every change other than added usage, a roster change naming its people and an objectives change
     * naming its teams (V21, V24, V25), and every such change after {@code journalFrom} is still named in the journal.
     * {@code nextObjectivesBoundary} is the first instant after {@code at} at which an objective version set ahead of
     * time starts or ends (null if none): the open period is judged by the objectives in force now, so an answer
     * changes then without any change of the data.
     */
    record DataVersion(
            long version, long structure, long journalFrom, OffsetDateTime at, OffsetDateTime nextObjectivesBoundary) {

        /** Whether an answer given at {@code then} of this version may still be given now. */
        boolean stillInForce(OffsetDateTime boundaryThen) {
            return boundaryThen == null || at.isBefore(boundaryThen);
        }
    }

    Uni<DataVersion> dataVersion() {
        // the instant taken when the read runs, not when it is built (it may wait for a connection)
        return Uni.createFrom().deferred(() -> dataVersionAt(OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private Uni<DataVersion> dataVersionAt(OffsetDateTime now) {
        return pool.preparedQuery("""
                        select version, structure, journal_from,
                               least((select min(valid_from) from objective_version where valid_from > $1),
                                     (select min(valid_to) from objective_version where valid_to > $1)) as next_boundary
                          from report_version""").execute(Tuple.of(now)).map(rows -> {
            Row row = rows.iterator().next();
            return new DataVersion(row.getLong(0), row.getLong(1), row.getLong(2), now, row.getOffsetDateTime(3));
        });
    }

    /**
     * The people whose usage or roster entries changed, which of them by a roster change, and the teams (keys of
     * {@link TeamScorecards#team}) whose objectives changed.
     */
    record Changed(Set<String> people, Set<String> roster, Set<String> teams) {

        boolean isEmpty() {
            return people.isEmpty() && teams.isEmpty();
        }
    }

    /** What changed after {@code version}, from the journal (V21, V24, V25). */
    Uni<Changed> changedSince(long version) {
        return pool.preparedQuery("""
                        select person, null as job_role, bool_or(roster)
                          from usage_change, unnest(user_ids) as named(person) where version > $1 group by person
                        union all
                        select distinct unit, job_role, false
                          from usage_change, unnest(units, roles) as team(unit, job_role) where version > $1""").execute(Tuple.of(version)).map(rows -> {
            Set<String> people = new HashSet<>();
            Set<String> roster = new HashSet<>();
            Set<String> teams = new HashSet<>();
            rows.forEach(row -> {
                if (row.getString(1) != null) {
                    teams.add(TeamScorecards.team(row.getString(0), row.getString(1)));
                } else {
                    people.add(row.getString(0));
                    if (row.getBoolean(2)) {
                        roster.add(row.getString(0));
                    }
                }
            });
            return new Changed(people, roster, teams);
        });
    }

    /** Forgets the journal's entries older than {@code age}; returns how many went. */
    Uni<Integer> pruneJournal(Duration age) {
        return pool.preparedQuery("""
                        with gone as (delete from usage_change where recorded_at < now() - $1 * interval '1 second'
                                      returning version)
                        update report_version set journal_from = (select max(version) from gone)
                         where (select max(version) from gone) > journal_from
                        returning (select count(*) from gone)""")
                .execute(Tuple.of(age.toSeconds()))
                .map(rows -> rows.size() == 0 ? 0 : rows.iterator().next().getInteger(0));
    }

    /** Events per business unit (the person's unit when the event was applied) and action over the range. */
    Uni<Map<String, Map<String, Long>>> actionMix(DateRange range) {
        return pool.preparedQuery("""
                        select business_unit, action, sum(events) as events
                          from unit_action_day where day between $1 and $2 group by 1, 2""")
                .execute(Tuple.of(range.from(), range.to()))
                .map(rows -> {
                    Map<String, Map<String, Long>> mix = new HashMap<>();
                    for (Row row : rows) {
                        mix.computeIfAbsent(row.getString("business_unit"), unit -> new HashMap<>())
                                .put(row.getString("action"), row.getLong("events"));
                    }
                    return mix;
                });
    }
}
