package io.uptake.metrics.report;

import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.api.Rounding;
import io.uptake.metrics.scorecard.ScorecardView;
import io.uptake.metrics.scorecard.TeamScorecards.Scored;
import io.uptake.metrics.usage.ActiveDays;
import io.uptake.metrics.usage.AdoptionBand;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The adoption of one group over a range, from its members' scorecards and active days: DAU is the
 * average over the range's days of people active that day; WAU and MAU count people active in the last
 * 7 and 30 days ending on the range's last day; stickiness is DAU / MAU.
 */
final class AdoptionFigures {

    /** What one member adds to their group's figures: kept per person, so that a change of one person's usage re-adds one part. */
    record Part(String group, long activeDays, boolean weekly, boolean monthly, boolean meeting, AdoptionBand band) {

        static Part of(Scored member, DateRange range, ReportService.GroupBy groupBy) {
            ActiveDays days = member.usage().days();
            LocalDate to = range.to();
            return new Part(
                    groupBy.of.apply(member.card()),
                    days.count(range.from(), to),
                    days.any(to.minusDays(6), to),
                    days.any(to.minusDays(29), to),
                    member.card().status() == ScorecardView.Status.MEETING,
                    member.card().band());
        }
    }

    private AdoptionFigures() {}

    /**
     * A row per group the parts belong to, in the groups' order. Each distinct part object is counted once and weighed
     * by how often it occurs: a snapshot keeps equal parts as one object, so a period of 100,000 people is a few
     * hundred sums, not 100,000.
     */
    static List<AdoptionRow> rows(Collection<Part> members, DateRange range) {
        Map<Part, int[]> occurrences = new IdentityHashMap<>();
        for (Part member : members) {
            occurrences.computeIfAbsent(member, part -> new int[1])[0]++;
        }
        Map<String, Totals> groups = new TreeMap<>();
        occurrences.forEach((part, count) ->
                groups.computeIfAbsent(part.group(), group -> new Totals()).add(part, count[0]));
        List<AdoptionRow> rows = new ArrayList<>(groups.size());
        groups.forEach((group, totals) -> rows.add(totals.row(group, range)));
        return rows;
    }

    /** What a group's row is made of, added up part by part. */
    private static final class Totals {

        private long people;
        private long active;
        private long personDays;
        private long wau;
        private long mau;
        private long meeting;
        private final long[] bands = new long[AdoptionBand.values().length];

        /** Adds {@code times} people whose part is {@code member}. */
        void add(Part member, long times) {
            people += times;
            personDays += member.activeDays() * times;
            active += member.activeDays() > 0 ? times : 0;
            wau += member.weekly() ? times : 0;
            mau += member.monthly() ? times : 0;
            meeting += member.meeting() ? times : 0;
            bands[member.band().ordinal()] += times;
        }

        AdoptionRow row(String group, DateRange range) {
            double dau = personDays / (double) range.days();
            return new AdoptionRow(
                    group,
                    people,
                    active,
                    Rounding.three(dau),
                    wau,
                    mau,
                    mau == 0 ? 0 : Rounding.three(dau / mau),
                    Rounding.share(meeting, people),
                    bands[AdoptionBand.DAILY.ordinal()],
                    bands[AdoptionBand.WEEKLY.ordinal()],
                    bands[AdoptionBand.OCCASIONAL.ordinal()],
                    bands[AdoptionBand.DORMANT.ordinal()]);
        }
    }
}
