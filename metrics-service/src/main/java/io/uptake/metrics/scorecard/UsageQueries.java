package io.uptake.metrics.scorecard;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.usage.ActiveDays;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** People whose running counts one statement reads (about 40,000 rows over a quarter's months). */
    static final int PEOPLE_PER_READ = 5_000;

    private static final String ACTIVITY =
            "select a.user_id, a.year, a.days from person_activity a where a.year between $1 and $2 %s";

    /** Driven from the people given, so that each is a primary-key lookup (a filter over everyone's rows took 0.5 s at 100,000). */
    private static final String ACTIVITY_OF = """
            select a.user_id, a.year, a.days from unnest($3::varchar[]) as given(user_id)
              join person_activity a on a.user_id = given.user_id and a.year between $1 and $2""";

    private static final String LAST_ACTIVE = """
            select a.user_id, a.year, a.days from unnest($2::varchar[]) as given(user_id)
              join person_activity a on a.user_id = given.user_id and a.year <= $1""";

    /**
     * Events per person and action, an array over the periods: for each month a period touches, days first..last of it,
     * as running[last] - running[first - 1] (a day past the array's end has its last value; day 0 is null,
     * so 0), the rule {@link MonthSlices#countInto} applies to rows read whole ({@code IncrementalReportsTest} holds
     * the two to the same answers for ranges: a kept range is rescored through rows, and computed here). Written out
     * rather than through a SQL function, which PostgreSQL would not inline here and which made this query four times
     * slower. Used when each month counts for one period (a range, a
     * monthly trend): PostgreSQL then sums a person's months into a row each, which costs less than sending the months.
     */
    private static final String COUNTS = """
            select user_id, action, array_agg(period) as periods, array_agg(events) as events from (
                select a.user_id, a.action, r.period,
                       sum(a.running[least(r.last, cardinality(a.running))] - coalesce(a.running[least(r.first - 1, cardinality(a.running))], 0))::bigint as events
                  from unnest($1::date[], $2::int[], $3::int[], $4::int[]) as r(month, first, last, period)
                  join person_action_month a on a.month = r.month
                 where a.action = any($5) %s
                 group by a.user_id, a.action, r.period) per_period
             group by user_id, action""";

    /**
     * The running counts of a list of people, driven from the people given (each a primary-key lookup), one row per
     * person, action and month; the periods' counts are taken from them here ({@link MonthSlices#countInto}), in
     * lists of {@value #PEOPLE_PER_READ} people so that a read of everyone holds one list's rows at a time. Used when
     * periods cut months (a weekly or daily trend), where {@link #COUNTS} joins every month row to each of its slices
     * and aggregates twice: that took three quarters of the read (5,000 people over 13 weeks: 250-275 ms against 65 ms
     * for the rows alone, in psql) and 5.3 s of the 7.5 s a weekly trend over 100,000 people took.
     */
    private static final String RUNNING_OF = """
            select a.user_id, a.action, a.month, a.running from unnest($1::varchar[]) as given(user_id)
             cross join unnest($2::date[]) as m(month)
              join person_action_month a on a.user_id = given.user_id and a.month = m.month and a.action = any($3)""";

    /**
     * Whose usage is read: everyone, one business unit, or one person. Each has its own statement, so that
     * PostgreSQL plans a unit or a person as an index lookup rather than a filter over everyone's rows.
     */
    private record Who(String where, String value) {

        static Who of(String userId, String businessUnit, int parameter) {
            if (userId != null) {
                return new Who("and a.user_id = $" + parameter, userId);
            }
            if (businessUnit != null) {
                // everyone who was ever in the unit: the caller keeps those on its roster at the instant it reports on
                return new Who(
                        "and a.user_id in (select user_id from person_membership where business_unit = $" + parameter
                                + ")",
                        businessUnit);
            }
            return new Who("", null);
        }

        String sql(String template) {
            return template.formatted(where);
        }

        Tuple bind(Tuple arguments) {
            return value == null ? arguments : arguments.addString(value);
        }
    }

    private final Pool pool;

    public UsageQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * Usage by user id, for one person ({@code userId}), one business unit, or everyone (both null): the
     * active days over the range and the {@value #ACTIVITY_WINDOW_DAYS} days before its end, and the count
     * of each of {@code actions} over the range.
     */
    public Uni<Map<String, Usage>> usage(
            DateRange range, String userId, String businessUnit, Collection<String> actions) {
        return usage(List.of(range), userId, businessUnit, actions).map(team -> team.period(0));
    }

    /**
     * The same for consecutive periods at once (a trend). The active days are read once for the whole span; the
     * counts are summed per period by PostgreSQL ({@link #COUNTS}) when each month counts for one period, and read as
     * the running-count rows of the people the activity names ({@link #RUNNING_OF}) when periods cut months.
     */
    public Uni<TeamUsage> usage(
            List<DateRange> periods, String userId, String businessUnit, Collection<String> actions) {
        DateRange span =
                new DateRange(periods.getFirst().from(), periods.getLast().to());
        LocalDate activityFrom =
                activityStart(new DateRange(span.from(), periods.getFirst().to()));
        Who activityOf = Who.of(userId, businessUnit, 3);
        Uni<Map<String, ActiveDays>> activity = pool.preparedQuery(activityOf.sql(ACTIVITY))
                .execute(activityOf.bind(
                        Tuple.of(activityFrom.getYear(), span.to().getYear())))
                .map(UsageQueries::activeDaysByUser);
        if (actions.isEmpty()) {
            return activity.map(days -> new TeamUsage(periods.size(), days));
        }
        MonthSlices slices = MonthSlices.of(periods);
        if (slices.cutMonths()) {
            // whoever has counts in these months was active in their years: the activity names the people to read
            return activity.flatMap(days -> {
                List<String> people = userId != null
                        ? List.of(userId)
                        : days.keySet().stream().sorted().toList();
                return counted(new TeamUsage(periods.size(), days), periods, people, actions);
            });
        }
        Who countsOf = Who.of(userId, businessUnit, 6);
        Tuple arguments = countsOf.bind(Tuple.tuple(List.of(
                slices.months(), slices.firsts(), slices.lasts(), slices.periods(), actions.toArray(String[]::new))));
        Uni<RowSet<Row>> counts = pool.preparedQuery(countsOf.sql(COUNTS)).execute(arguments);
        return Uni.combine()
                .all()
                .unis(activity, counts)
                .with((days, rows) -> countedInto(new TeamUsage(periods.size(), days), rows));
    }

    /** Adds the count rows of {@link #COUNTS} (per person and action, an array over the periods) to the usage. */
    private static TeamUsage countedInto(TeamUsage team, RowSet<Row> rows) {
        for (Row row : rows) {
            Integer[] periodsOfRow = row.getArrayOfIntegers("periods");
            Long[] events = row.getArrayOfLongs("events");
            for (int i = 0; i < periodsOfRow.length; i++) {
                team.count(row.getString("user_id"), row.getString("action"), periodsOfRow[i], events[i]);
            }
        }
        return team;
    }

    /** Adds the counts of {@code actions} of these people over the periods to {@code team}, a list of people at a time. */
    private Uni<TeamUsage> counted(
            TeamUsage team, List<DateRange> periods, List<String> people, Collection<String> actions) {
        MonthSlices slices = MonthSlices.of(periods);
        LocalDate[] months = slices.distinctMonths();
        String[] counted = actions.toArray(String[]::new);
        return Multi.createFrom()
                .iterable(inLists(people, PEOPLE_PER_READ))
                .onItem()
                .transformToUniAndConcatenate(list -> pool.preparedQuery(RUNNING_OF)
                        .execute(Tuple.of(list.toArray(String[]::new), months, counted))
                        .invoke(rows -> {
                            for (Row row : rows) {
                                slices.countInto(
                                        team,
                                        row.getString("user_id"),
                                        row.getString("action"),
                                        row.getLocalDate("month"),
                                        row.getArrayOfLongs("running"));
                            }
                        }))
                .onItem()
                .ignoreAsUni()
                .replaceWith(team);
    }

    /** The people in consecutive lists of {@code size}, the last one shorter. */
    static List<List<String>> inLists(List<String> people, int size) {
        List<List<String>> lists = new ArrayList<>();
        for (int from = 0; from < people.size(); from += size) {
            lists.add(people.subList(from, Math.min(people.size(), from + size)));
        }
        return lists;
    }

    /**
     * Usage over a range of each of these people (those without any use are absent): the active days and the count
     * of each of {@code actions}, read driven from the people given (a filter of everyone's rows by a list of
     * thousands costs seconds at 100,000 people).
     */
    public Uni<Map<String, Usage>> usageOf(DateRange range, Collection<String> userIds, Collection<String> actions) {
        return usageOf(List.of(range), userIds, actions).map(team -> team.period(0));
    }

    /** The same for consecutive periods at once: what a report kept between changes re-reads of the people whose usage changed. */
    public Uni<TeamUsage> usageOf(List<DateRange> periods, Collection<String> userIds, Collection<String> actions) {
        List<String> people = List.copyOf(userIds);
        DateRange span =
                new DateRange(periods.getFirst().from(), periods.getLast().to());
        LocalDate activityFrom =
                activityStart(new DateRange(span.from(), periods.getFirst().to()));
        Uni<Map<String, ActiveDays>> activity = pool.preparedQuery(ACTIVITY_OF)
                .execute(Tuple.of(activityFrom.getYear(), span.to().getYear(), people.toArray(String[]::new)))
                .map(UsageQueries::activeDaysByUser);
        if (actions.isEmpty()) {
            return activity.map(days -> new TeamUsage(periods.size(), days));
        }
        return Uni.combine()
                .all()
                .unis(
                        activity,
                        // made on subscription: the counts add up, so a second subscription must not share them
                        Uni.createFrom()
                                .deferred(() ->
                                        counted(new TeamUsage(periods.size(), Map.of()), periods, people, actions)))
                .with((days, counts) -> counts.withDays(days));
    }

    /** The days with any use of these people, over the range and the window before its end. */
    public Uni<Map<String, ActiveDays>> activeDays(DateRange range, List<String> userIds) {
        return pool.preparedQuery(ACTIVITY_OF)
                .execute(Tuple.of(activityStart(range).getYear(), range.to().getYear(), userIds.toArray(String[]::new)))
                .map(UsageQueries::activeDaysByUser);
    }

    /**
     * For each of these people who was ever active on or before {@code day} (in the years the event retention keeps):
     * their last active day until then. Driven from the people given, each a primary-key range.
     */
    public Uni<Map<String, LocalDate>> lastActive(Collection<String> userIds, LocalDate day) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery(LAST_ACTIVE)
                .execute(Tuple.of(day.getYear(), userIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, LocalDate> last = new HashMap<>();
                    activeDaysByUser(rows).forEach((user, days) -> {
                        LocalDate seen = days.lastOnOrBefore(day);
                        if (seen != null) {
                            last.put(user, seen);
                        }
                    });
                    return last;
                });
    }

    /** Rows of {@code person_activity} (a person's years) as one calendar per person. */
    private static Map<String, ActiveDays> activeDaysByUser(RowSet<Row> rows) {
        Map<String, ActiveDays> days = new HashMap<>();
        rows.forEach(row -> days.computeIfAbsent(row.getString("user_id"), id -> ActiveDays.none())
                .add(row.getInteger("year"), bitmap(row)));
        return days;
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

    /** Periods cut at month boundaries: for each month a period touches, its first and last day of month in the period. */
    record MonthSlices(LocalDate[] months, Integer[] firsts, Integer[] lasts, Integer[] periods) {

        static MonthSlices of(List<DateRange> ranges) {
            List<LocalDate> months = new ArrayList<>();
            List<Integer> firsts = new ArrayList<>();
            List<Integer> lasts = new ArrayList<>();
            List<Integer> periods = new ArrayList<>();
            for (int period = 0; period < ranges.size(); period++) {
                DateRange range = ranges.get(period);
                for (LocalDate month = range.from().withDayOfMonth(1);
                        !month.isAfter(range.to());
                        month = month.plusMonths(1)) {
                    LocalDate monthEnd = month.plusMonths(1).minusDays(1);
                    months.add(month);
                    firsts.add(month.isBefore(range.from()) ? range.from().getDayOfMonth() : 1);
                    lasts.add(monthEnd.isAfter(range.to()) ? range.to().getDayOfMonth() : monthEnd.getDayOfMonth());
                    periods.add(period);
                }
            }
            return new MonthSlices(
                    months.toArray(LocalDate[]::new),
                    firsts.toArray(Integer[]::new),
                    lasts.toArray(Integer[]::new),
                    periods.toArray(Integer[]::new));
        }

        /** The first slice whose month is {@code month} or later (the months are in order). */
        private int firstSliceOf(LocalDate month) {
            int low = 0;
            int high = months.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (months[middle].isBefore(month)) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        /** Whether some month is cut into more than one period (a weekly or daily trend). */
        boolean cutMonths() {
            return distinctMonths().length < months.length;
        }

        /** Each month the slices touch, once. */
        LocalDate[] distinctMonths() {
            return Arrays.stream(months).distinct().toArray(LocalDate[]::new);
        }

        /**
         * Adds one running-count row (a person's events of an action in a month, running[d - 1] up to day d) to the
         * periods whose slices fall in its month: days first..last are running[last] - running[first - 1], a day past
         * the array's end having its last value and day 0 none.
         */
        void countInto(TeamUsage team, String userId, String action, LocalDate month, Long[] running) {
            if (running.length == 0) {
                return;
            }
            // the slices of a month are side by side (periods are consecutive): from the first, while in the month
            for (int slice = firstSliceOf(month); slice < months.length && months[slice].equals(month); slice++) {
                long upToLast = running[Math.min(lasts[slice], running.length) - 1];
                int before = firsts[slice] - 1;
                long upToBefore = before == 0 ? 0 : running[Math.min(before, running.length) - 1];
                team.count(userId, action, periods[slice], upToLast - upToBefore);
            }
        }
    }
}
