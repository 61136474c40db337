package io.uptake.metrics.report;

import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.api.Rounding;
import io.uptake.metrics.scorecard.ScorecardView;
import io.uptake.metrics.scorecard.TeamScorecards.Scored;
import io.uptake.metrics.usage.ActiveDays;
import io.uptake.metrics.usage.AdoptionBand;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The adoption of one group over a range, from its members' scorecards and active days: DAU is the
 * average over the range's days of people active that day; WAU and MAU count people active in the last
 * 7 and 30 days ending on the range's last day; stickiness is DAU / MAU.
 */
final class AdoptionFigures {

    private AdoptionFigures() {}

    static AdoptionRow of(String group, List<Scored> members, DateRange range) {
        LocalDate to = range.to();
        long active = 0;
        long personDays = 0;
        long wau = 0;
        long mau = 0;
        long meeting = 0;
        Map<AdoptionBand, Long> bands = new EnumMap<>(AdoptionBand.class);
        for (Scored member : members) {
            ActiveDays days = member.usage().days();
            long inRange = days.count(range.from(), to);
            personDays += inRange;
            active += inRange > 0 ? 1 : 0;
            wau += days.any(to.minusDays(6), to) ? 1 : 0;
            mau += days.any(to.minusDays(29), to) ? 1 : 0;
            meeting += member.card().status() == ScorecardView.Status.MEETING ? 1 : 0;
            bands.merge(member.card().band(), 1L, Long::sum);
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
