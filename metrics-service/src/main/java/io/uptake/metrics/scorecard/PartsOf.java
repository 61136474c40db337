package io.uptake.metrics.scorecard;

import io.uptake.metrics.api.DateRange;
import java.util.Collection;
import java.util.function.BiFunction;

/**
 * What a report keeps of each person's scorecard ({@code part}: null keeps nothing of them), how it folds a period's
 * parts into its answer ({@code fold}), and how many parts a snapshot may hold ({@code maxParts}): a team scored over
 * more periods than that is folded period by period as it is scored and keeps no parts, so that its memory is one
 * period's, as a report computed for everyone needs.
 */
public record PartsOf<P>(
        BiFunction<DateRange, TeamScorecards.Scored, P> part,
        BiFunction<DateRange, Collection<P>, ?> fold,
        long maxParts) {}
