package io.uptake.metrics.effectiveness;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.roster.RosterStore;
import io.uptake.metrics.scorecard.ScorecardService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/** Did the training work: each completed training's effect on the person's use, and the figures per group. */
@ApplicationScoped
public class EffectivenessService {

    private final TrainingAssignmentStore trainings;
    private final RosterStore roster;
    private final ScorecardService scorecards;
    private final EffectivenessConfig config;

    public EffectivenessService(
            TrainingAssignmentStore trainings,
            RosterStore roster,
            ScorecardService scorecards,
            EffectivenessConfig config) {
        this.trainings = trainings;
        this.roster = roster;
        this.scorecards = scorecards;
        this.config = config;
    }

    /** Trainings completed over the range (of one unit, or all), grouped. */
    public Uni<List<EffectivenessRow>> report(
            DateRange completed, EffectivenessFigures.GroupBy groupBy, String businessUnit, int weeks) {
        return trainings
                .completed(completed.from(), completed.to(), businessUnit, null, config.maxTrainings())
                .flatMap(done -> {
                    LocalDate today = LocalDate.now(ZoneOffset.UTC);
                    List<TrainedAssignment> known = done.stream()
                            .filter(training -> EffectRule.known(training, weeks, today))
                            .toList();
                    List<TrainedAssignment> pending = done.stream()
                            .filter(training -> !EffectRule.known(training, weeks, today))
                            .toList();
                    return effects(known, weeks).map(effects -> EffectivenessFigures.rows(effects, pending, groupBy));
                });
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

    /** The effects of these trainings, leaving out people no longer (or never) on the roster. */
    private Uni<List<TrainingEffect>> effects(List<TrainedAssignment> known, int weeks) {
        if (known.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom()
                .iterable(known)
                .onItem()
                .transformToUni(training -> effect(training, weeks))
                .merge(config.concurrency())
                .filter(effect -> effect != null)
                .collect()
                .asList();
    }

    private Uni<TrainingEffect> effect(TrainedAssignment training, int weeks) {
        return roster.find(training.userId()).flatMap(person -> {
            if (person == null) {
                return Uni.createFrom().nullItem();
            }
            return Uni.combine()
                    .all()
                    .unis(
                            scorecards.scorecard(person, EffectRule.before(training, weeks)),
                            scorecards.scorecard(person, EffectRule.after(training, weeks)))
                    .with((before, after) -> EffectRule.effect(training, before, after, weeks));
        });
    }
}
