package io.uptake.metrics.process;

import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.api.Rounding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A rule's daily counts summed up per period and business unit, or per period and person. */
final class Violations {

    static final Comparator<ViolationRow> ORDER = Comparator.comparing(ViolationRow::periodStart)
            .thenComparing(ViolationRow::rule)
            .thenComparing(ViolationRow::ruleId)
            .thenComparing(ViolationRow::businessUnit, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ViolationRow::userId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private Violations() {}

    private record Key(DateRange period, String businessUnit, String userId, String displayName) {}

    static List<ViolationRow> rows(
            ProcessRule rule, List<ProcessStore.DayCount> counts, List<DateRange> periods, boolean byPerson) {
        Map<Key, long[]> sums =
                new TreeMap<>(Comparator.comparing((Key key) -> key.period().from())
                        .thenComparing(Key::businessUnit, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Key::userId, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (ProcessStore.DayCount count : counts) {
            DateRange period = DateRange.holding(periods, count.day());
            if (period == null) {
                continue;
            }
            long[] sum = sums.computeIfAbsent(
                    new Key(
                            period,
                            count.businessUnit(),
                            byPerson ? count.userId() : null,
                            byPerson ? count.displayName() : null),
                    key -> new long[2]);
            sum[0] += count.checked();
            sum[1] += count.violations();
        }
        List<ViolationRow> rows = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> rows.add(new ViolationRow(
                key.period().from(),
                key.period().to(),
                rule.id(),
                rule.name(),
                key.businessUnit(),
                key.userId(),
                key.displayName(),
                sum[0],
                sum[1],
                Rounding.share(sum[1], sum[0]))));
        return rows;
    }
}
