package io.uptake.metrics.team;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.followup.FollowUpStore;
import io.uptake.metrics.report.ReportCache;
import io.uptake.metrics.roster.RosterQueries;
import io.uptake.metrics.scorecard.ScorecardView;
import io.uptake.metrics.scorecard.TeamScorecards;
import io.uptake.metrics.scorecard.UsageQueries;
import io.uptake.platform.api.PageView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A business unit's people over a range, scored as every report scores them ({@link TeamScorecards}: the people on the
 * active roster when the range is judged, in the unit and role they had then). The unit's rows are computed once per
 * state of the data ({@link ReportCache}); a request narrows, orders and pages them, and reads the follow-ups of its
 * page only, as they are now.
 */
@ApplicationScoped
public class TeamService {

    private final TeamScorecards scorecards;
    private final RosterQueries roster;
    private final UsageQueries usage;
    private final FollowUpStore followUps;
    private final ReportCache cache;

    public TeamService(
            TeamScorecards scorecards,
            RosterQueries roster,
            UsageQueries usage,
            FollowUpStore followUps,
            ReportCache cache) {
        this.scorecards = scorecards;
        this.roster = roster;
        this.usage = usage;
        this.followUps = followUps;
        this.cache = cache;
    }

    public Uni<PageView<TeamRow>> page(DateRange range, String businessUnit, TeamQuery query, int page, int size) {
        return rows(range, businessUnit).flatMap(team -> {
            List<TeamRow> matching =
                    team.stream().filter(query.filter()).sorted(query.order()).toList();
            int start = (int) Math.min(matching.size(), (long) page * size);
            List<TeamRow> slice = matching.subList(start, Math.min(matching.size(), start + size));
            return followUps
                    .lastFollowUps(slice.stream().map(TeamRow::userId).toList(), range.from())
                    .map(last -> new PageView<>(
                            slice.stream()
                                    .map(row -> row.withLastFollowUp(last.get(row.userId())))
                                    .toList(),
                            page,
                            size,
                            matching.size()));
        });
    }

    private Uni<List<TeamRow>> rows(DateRange range, String businessUnit) {
        return cache.list(
                ReportCache.key("team", range, businessUnit),
                () -> scorecards.scorecards(range, businessUnit).flatMap(cards -> {
                    List<String> people =
                            cards.stream().map(ScorecardView::userId).toList();
                    return Uni.combine()
                            .all()
                            .unis(roster.displayNames(people), usage.lastActive(people, range.to()))
                            .with((names, lastActive) -> cards.stream()
                                    .map(card -> new TeamRow(
                                            card.userId(),
                                            names.get(card.userId()),
                                            card.businessUnit(),
                                            card.jobRole(),
                                            card.status(),
                                            card.score(),
                                            card.band(),
                                            card.activeDays(),
                                            lastActive.get(card.userId()),
                                            false,
                                            null))
                                    .toList());
                }));
    }
}
