package io.uptake.metrics.report;

import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.api.Rounding;
import io.uptake.metrics.scorecard.ScorecardView;
import io.uptake.metrics.scorecard.TeamScorecards.Scored;
import io.uptake.metrics.usage.ActiveDays;
import io.uptake.metrics.usage.AdoptionBand;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

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

    static AdoptionRow of(String group, Collection<Part> members, DateRange range) {
        long active = 0;
        long personDays = 0;
        long wau = 0;
        long mau = 0;
        long meeting = 0;
        Map<AdoptionBand, Long> bands = new EnumMap<>(AdoptionBand.class);
        for (Part member : members) {
            personDays += member.activeDays();
            active += member.activeDays() > 0 ? 1 : 0;
            wau += member.weekly() ? 1 : 0;
            mau += member.monthly() ? 1 : 0;
            meeting += member.meeting() ? 1 : 0;
            bands.merge(member.band(), 1L, Long::sum);
        }
        double dau = personDays / (double) range.days();
        return new AdoptionRow(
                group,
                members.size(),
                active,
                Rounding.three(dau),
                wau,
                mau,
                mau == 0 ? 0 : Rounding.three(dau / mau),
                Rounding.share(meeting, members.size()),
                bands.getOrDefault(AdoptionBand.DAILY, 0L),
                bands.getOrDefault(AdoptionBand.WEEKLY, 0L),
                bands.getOrDefault(AdoptionBand.OCCASIONAL, 0L),
                bands.getOrDefault(AdoptionBand.DORMANT, 0L));
    }
}
