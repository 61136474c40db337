package io.uptake.metrics.effectiveness;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.report.ReportCache;
import io.uptake.metrics.scorecard.ScorecardView;
import io.uptake.metrics.scorecard.TeamScorecards;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Did the training work: each completed training's effect on the person's use, and the figures per group. */
@ApplicationScoped
public class EffectivenessService {

    private final TrainingAssignmentStore trainings;
    private final TeamScorecards scorecards;
    private final ReportCache cache;
    private final EffectivenessConfig config;

    public EffectivenessService(
            TrainingAssignmentStore trainings,
            TeamScorecards scorecards,
            ReportCache cache,
            EffectivenessConfig config) {
        this.trainings = trainings;
        this.cache = cache;
        this.scorecards = scorecards;
        this.config = config;
    }

    /** Trainings completed over the range (of one unit, or all), grouped; computed once per state of the data and day. */
    public Uni<List<EffectivenessRow>> report(
            DateRange completed, EffectivenessFigures.GroupBy groupBy, String businessUnit, int weeks) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return cache.summary(
                ReportCache.key("training-effectiveness", completed, groupBy, businessUnit, weeks, today),
                () -> trainings
                        .completed(completed.from(), completed.to(), businessUnit, null, config.maxTrainings())
                        .flatMap(done -> {
                            List<TrainedAssignment> known = done.stream()
                                    .filter(training -> EffectRule.known(training, weeks, today))
                                    .toList();
                            List<TrainedAssignment> pending = done.stream()
                                    .filter(training -> !EffectRule.known(training, weeks, today))
                                    .toList();
                            return effects(known, weeks)
                                    .map(effects -> EffectivenessFigures.rows(effects, pending, groupBy));
                        }));
    }

    /** One person's trainings completed over the range whose effect is known, newest first. */
    public Uni<List<TrainingEffect>> person(String userId, DateRange completed, int weeks) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return trainings
                .completed(completed.from(), completed.to(), null, userId, config.maxTrainings())
                .flatMap(done -> effects(
                        done.stream()
                                .filter(training -> EffectRule.known(training, weeks, today))
                                .toList(),
                        weeks))
                .map(effects -> effects.stream()
                        .sorted(Comparator.comparing(TrainingEffect::completedOn)
                                .reversed()
                                .thenComparing(TrainingEffect::assignmentId))
                        .toList());
    }

    /**
     * The effects of these trainings, leaving out people no longer (or never) on the roster: the scorecards of
     * each window are read for everyone whose training shares it at once (trainings assigned on the same day share
     * the window before, completed on the same day the window after).
     */
    private Uni<List<TrainingEffect>> effects(List<TrainedAssignment> known, int weeks) {
        if (known.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<DateRange, Set<String>> windows = new LinkedHashMap<>();
        for (TrainedAssignment training : known) {
            windows.computeIfAbsent(EffectRule.before(training, weeks), range -> new HashSet<>())
                    .add(training.userId());
            windows.computeIfAbsent(EffectRule.after(training, weeks), range -> new HashSet<>())
                    .add(training.userId());
        }
        return Multi.createFrom()
                .iterable(windows.entrySet())
                .onItem()
                .transformToUni(window -> scorecards
                        .of(window.getKey(), window.getValue())
                        .map(cards -> Map.entry(window.getKey(), cards)))
                .merge(config.concurrency())
                .collect()
                .asMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(cards -> known.stream()
                        .map(training -> {
                            ScorecardView before = cards.get(EffectRule.before(training, weeks))
                                    .get(training.userId());
                            ScorecardView after =
                                    cards.get(EffectRule.after(training, weeks)).get(training.userId());
                            return before == null || after == null
                                    ? null
                                    : EffectRule.effect(training, before, after, weeks);
                        })
                        .filter(Objects::nonNull)
                        .toList());
    }
}
