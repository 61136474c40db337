package io.uptake.metrics.report;

import io.uptake.metrics.api.Rounding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The conformity rule: how far each business unit's mix of actions strays from the organisation's,
 * as the total variation distance between the two mixes (half the sum of the absolute differences of
 * the shares: 0 the same, 1 nothing in common), flagged above the threshold, with the actions whose
 * shares differ most. A deviation on an action the unit has approved as a local practice stays in the distance
 * shown, but the flag looks only at the other actions (both mixes taken over those). Units come most deviant first.
 */
final class Conformity {

    static final int TOP_DEVIATIONS = 3;

    private Conformity() {}

    /** {@code mix}: per unit, the events of each action over the range. */
    static List<ConformityRow> rows(Map<String, Map<String, Long>> mix, double threshold) {
        return rows(mix, threshold, Map.of());
    }

    /** {@code approved}: per unit, the actions whose deviation is an approved practice. */
    static List<ConformityRow> rows(
            Map<String, Map<String, Long>> mix, double threshold, Map<String, Set<String>> approved) {
        Map<String, Long> organisation = new HashMap<>();
        mix.values().forEach(unit -> unit.forEach((action, events) -> organisation.merge(action, events, Long::sum)));
        long organisationTotal = total(organisation);
        List<ConformityRow> rows = new ArrayList<>();
        mix.forEach((unit, actions) -> {
            long unitTotal = total(actions);
            Set<String> approvedHere = approved.getOrDefault(unit, Set.of());
            List<ConformityRow.ActionShare> shares = organisation.keySet().stream()
                    .map(action -> new ConformityRow.ActionShare(
                            action,
                            Rounding.share(actions.getOrDefault(action, 0L), unitTotal),
                            Rounding.share(organisation.get(action), organisationTotal),
                            approvedHere.contains(action)))
                    .toList();
            double deviation = distance(organisation, actions, action -> true);
            double unapproved = distance(organisation, actions, action -> !approvedHere.contains(action));
            List<ConformityRow.ActionShare> top = shares.stream()
                    .sorted(Comparator.comparingDouble(
                                    (ConformityRow.ActionShare s) -> Math.abs(s.share() - s.orgShare()))
                            .reversed()
                            .thenComparing(ConformityRow.ActionShare::action))
                    .limit(TOP_DEVIATIONS)
                    .toList();
            rows.add(new ConformityRow(
                    unit,
                    unitTotal,
                    Rounding.three(deviation),
                    Rounding.three(unapproved),
                    unapproved > threshold,
                    top,
                    approvedHere.stream().sorted().toList()));
        });
        rows.sort(Comparator.comparingDouble(ConformityRow::deviation)
                .reversed()
                .thenComparing(ConformityRow::businessUnit));
        return rows;
    }

    /** One action's share of a unit's events and of the organisation's (0 where there are none). */
    static ConformityRow.ActionShare share(Map<String, Map<String, Long>> mix, String unit, String action) {
        Map<String, Long> unitEvents = mix.getOrDefault(unit, Map.of());
        long organisationEvents = mix.values().stream()
                .mapToLong(events -> events.getOrDefault(action, 0L))
                .sum();
        long organisationTotal =
                mix.values().stream().mapToLong(Conformity::total).sum();
        return new ConformityRow.ActionShare(
                action,
                Rounding.share(unitEvents.getOrDefault(action, 0L), total(unitEvents)),
                Rounding.share(organisationEvents, organisationTotal),
                true);
    }

    /**
     * The total variation distance between the unit's and the organisation's mixes of the actions counted, each
     * mix taken over those actions only (0 when either has no events of them): with an approved practice left
     * out, the rest of the unit's way of working is compared with the rest of the organisation's.
     */
    private static double distance(Map<String, Long> organisation, Map<String, Long> unit, Predicate<String> counted) {
        long organisationCounted = organisation.entrySet().stream()
                .filter(action -> counted.test(action.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
        long unitCounted = unit.entrySet().stream()
                .filter(action -> counted.test(action.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
        if (organisationCounted == 0 || unitCounted == 0) {
            return 0;
        }
        return organisation.keySet().stream()
                        .filter(counted)
                        .mapToDouble(action -> Math.abs(unit.getOrDefault(action, 0L) / (double) unitCounted
                                - organisation.get(action) / (double) organisationCounted))
                        .sum()
                / 2;
    }

    private static long total(Map<String, Long> events) {
        return events.values().stream().mapToLong(Long::longValue).sum();
    }
}
