package io.uptake.metrics.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The conformity rule: how far each business unit's mix of actions strays from the organisation's,
 * as the total variation distance between the two mixes (half the sum of the absolute differences of
 * the shares: 0 the same, 1 nothing in common), flagged above the threshold, with the actions whose
 * shares differ most. Units come most deviant first.
 */
final class Conformity {

    static final int TOP_DEVIATIONS = 3;

    private Conformity() {}

    /** {@code mix}: per unit, the events of each action over the range. */
    static List<ConformityRow> rows(Map<String, Map<String, Long>> mix, double threshold) {
        Map<String, Long> organisation = new HashMap<>();
        mix.values().forEach(unit -> unit.forEach((action, events) -> organisation.merge(action, events, Long::sum)));
        long organisationTotal = total(organisation);
        List<ConformityRow> rows = new ArrayList<>();
        mix.forEach((unit, actions) -> {
            long unitTotal = total(actions);
            List<ConformityRow.ActionShare> shares = organisation.keySet().stream()
                    .map(action -> new ConformityRow.ActionShare(
                            action,
                            Rounding.share(actions.getOrDefault(action, 0L), unitTotal),
                            Rounding.share(organisation.get(action), organisationTotal)))
                    .toList();
            double deviation = organisation.keySet().stream()
                            .mapToDouble(action -> Math.abs(actions.getOrDefault(action, 0L) / (double) unitTotal
                                    - organisation.get(action) / (double) organisationTotal))
                            .sum()
                    / 2;
            List<ConformityRow.ActionShare> top = shares.stream()
                    .sorted(Comparator.comparingDouble(
                                    (ConformityRow.ActionShare s) -> Math.abs(s.share() - s.orgShare()))
                            .reversed()
                            .thenComparing(ConformityRow.ActionShare::action))
                    .limit(TOP_DEVIATIONS)
                    .toList();
            rows.add(new ConformityRow(unit, unitTotal, Rounding.three(deviation), deviation > threshold, top));
        });
        rows.sort(Comparator.comparingDouble(ConformityRow::deviation)
                .reversed()
                .thenComparing(ConformityRow::businessUnit));
        return rows;
    }

    private static long total(Map<String, Long> events) {
        return events.values().stream().mapToLong(Long::longValue).sum();
    }
}
