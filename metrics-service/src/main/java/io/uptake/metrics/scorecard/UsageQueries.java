package io.uptake.metrics.scorecard;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.usage.ActiveDays;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Usage per person over a range, read from the per-person aggregates (never from the raw events): one
 * activity row per person and year, and for each action the objectives count one running-count row per
 * person and month the range touches, whatever the range's length.
 */
@ApplicationScoped
public class UsageQueries {

    /** Days before a range's end that the activity covers, so that the 30-day actives of its end are known. */
    public static final int ACTIVITY_WINDOW_DAYS = 30;

    private static final String ACTIVITY = """
            select a.user_id, a.year, a.days from person_activity a
             where a.year between $1 and $2 and ($3::varchar is null or a.user_id = $3)
               and ($4::varchar is null or a.user_id in (select user_id from person where business_unit = $4))""";

    private static final String ACTIVITY_OF = "select user_id, year, days from person_activity where year between $1 and $2 and user_id = any($3)";

    /** Events of the range per person and action: for each month the range touches, days first..last of it. */
    private static final String COUNTS = """
            select a.user_id, a.action, sum(running_at(a.running, r.last) - running_at(a.running, r.first - 1)) as events
              from unnest($1::date[], $2::int[], $3::int[]) as r(month, first, last)
              join person_action_month a on a.month = r.month
             where a.action = any($4) and ($5::varchar is null or a.user_id = $5)
               and ($6::varchar is null or a.user_id in (select user_id from person where business_unit = $6))
             group by a.user_id, a.action""";

    private final Pool pool;

    public UsageQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * Usage by user id, for one person ({@code userId}), one business unit, or everyone (both null): the
     * active days over the range and the {@value #ACTIVITY_WINDOW_DAYS} days before its end, and the count
     * of each of {@code actions} over the range.
     */
    public Uni<Map<String, Usage>> usage(DateRange range, String userId, String businessUnit, Collection<String> actions) {
        LocalDate activityFrom = activityStart(range);
        Uni<Map<String, Usage>> activity = pool.preparedQuery(ACTIVITY)
                .execute(Tuple.of(activityFrom.getYear(), range.to().getYear(), userId, businessUnit))
                .map(rows -> {
                    Map<String, Usage> usage = new HashMap<>();
                    rows.forEach(row -> usage.computeIfAbsent(row.getString("user_id"), id -> Usage.empty().days(ActiveDays.none()))
                            .days().add(row.getInteger("year"), bitmap(row)));
                    return usage;
                });
        if (actions.isEmpty()) {
            return activity;
        }
        MonthSlices slices = MonthSlices.of(range);
        Tuple arguments = Tuple.tuple(List.of(slices.months(), slices.firsts(), slices.lasts(), actions.toArray(String[]::new)))
                .addString(userId).addString(businessUnit);
        Uni<Map<String, Map<String, Long>>> counts = pool.preparedQuery(COUNTS).execute(arguments).map(rows -> {
            Map<String, Map<String, Long>> byUser = new HashMap<>();
            rows.forEach(row -> byUser.computeIfAbsent(row.getString("user_id"), id -> new HashMap<>())
                    .put(row.getString("action"), row.getLong("events")));
            return byUser;
        });
        return Uni.combine().all().unis(activity, counts).with((usage, byUser) -> {
            byUser.forEach((user, perAction) -> {
                Usage used = usage.computeIfAbsent(user, id -> Usage.empty());
                perAction.forEach(used::count);
            });
            return usage;
        });
    }

    /** The days with any use of these people, over the range and the window before its end. */
    public Uni<Map<String, ActiveDays>> activeDays(DateRange range, List<String> userIds) {
        return pool.preparedQuery(ACTIVITY_OF)
                .execute(Tuple.of(activityStart(range).getYear(), range.to().getYear(), userIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, ActiveDays> days = new HashMap<>();
                    rows.forEach(row -> days.computeIfAbsent(row.getString("user_id"), id -> ActiveDays.none())
                            .add(row.getInteger("year"), bitmap(row)));
                    return days;
                });
    }

    private static LocalDate activityStart(DateRange range) {
        LocalDate window = range.to().minusDays(ACTIVITY_WINDOW_DAYS - 1);
        return window.isBefore(range.from()) ? window : range.from();
    }

    private static long[] bitmap(Row row) {
        Long[] words = row.getArrayOfLongs("days");
        long[] bitmap = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            bitmap[i] = words[i];
        }
        return bitmap;
    }

    /** A range cut at month boundaries: for each month it touches, its first and last day of month in the range. */
    record MonthSlices(LocalDate[] months, Integer[] firsts, Integer[] lasts) {

        static MonthSlices of(DateRange range) {
            List<LocalDate> months = new ArrayList<>();
            List<Integer> firsts = new ArrayList<>();
            List<Integer> lasts = new ArrayList<>();
            for (LocalDate month = range.from().withDayOfMonth(1); !month.isAfter(range.to()); month = month.plusMonths(1)) {
                LocalDate monthEnd = month.plusMonths(1).minusDays(1);
                months.add(month);
                firsts.add(month.isBefore(range.from()) ? range.from().getDayOfMonth() : 1);
                lasts.add(monthEnd.isAfter(range.to()) ? range.to().getDayOfMonth() : monthEnd.getDayOfMonth());
            }
            return new MonthSlices(months.toArray(LocalDate[]::new), firsts.toArray(Integer[]::new), lasts.toArray(Integer[]::new));
        }
    }
}
