package io.uptake.metrics.effectiveness;

import io.uptake.metrics.api.Rounding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/** Training effects summed up per group: the figures that tell HR which modules and which modes to keep. */
public final class EffectivenessFigures {

    /** How trainings are grouped: the key and the label shown with it. */
    public enum GroupBy {
        MODULE(TrainedAssignment::moduleId, TrainedAssignment::moduleTitle),
        SKILL(TrainedAssignment::skill, TrainedAssignment::skill),
        BUSINESS_UNIT(TrainedAssignment::businessUnit, TrainedAssignment::businessUnit),
        MODE(TrainedAssignment::mode, TrainedAssignment::mode);

        final Function<TrainedAssignment, String> key;
        final Function<TrainedAssignment, String> label;

        GroupBy(Function<TrainedAssignment, String> key, Function<TrainedAssignment, String> label) {
            this.key = key;
            this.label = label;
        }

        public static GroupBy parse(String value) {
            return switch (value) {
                case "module" -> MODULE;
                case "skill" -> SKILL;
                case "businessUnit" -> BUSINESS_UNIT;
                case "mode" -> MODE;
                default -> null;
            };
        }
    }

    private EffectivenessFigures() {}

    /** One row per group, sorted by group key (trainings without a key, such as no module, under "(none)"). */
    public static List<EffectivenessRow> rows(List<TrainingEffect> known, List<TrainedAssignment> pending, GroupBy by) {
        Map<String, List<TrainingEffect>> effects = new TreeMap<>();
        Map<String, String> labels = new TreeMap<>();
        Map<String, Long> waiting = new TreeMap<>();
        for (TrainingEffect effect : known) {
            TrainedAssignment training = effect.training();
            String key = keyOf(by, training);
            effects.computeIfAbsent(key, k -> new ArrayList<>()).add(effect);
            labels.putIfAbsent(key, by.label.apply(training));
        }
        for (TrainedAssignment training : pending) {
            String key = keyOf(by, training);
            waiting.merge(key, 1L, Long::sum);
            labels.putIfAbsent(key, by.label.apply(training));
        }
        List<EffectivenessRow> rows = new ArrayList<>();
        for (String key : labels.keySet()) {
            rows.add(row(key, labels.get(key), effects.getOrDefault(key, List.of()), waiting.getOrDefault(key, 0L)));
        }
        return rows;
    }

    static EffectivenessRow row(String key, String label, List<TrainingEffect> effects, long pending) {
        long trainings = effects.size();
        long improved = effects.stream().filter(TrainingEffect::improved).count();
        long meetingAfter =
                effects.stream().filter(TrainingEffect::meetingAfter).count();
        return new EffectivenessRow(
                key,
                label,
                effects.stream().map(TrainingEffect::userId).distinct().count(),
                trainings,
                improved,
                Rounding.share(improved, trainings),
                median(effects.stream()
                        .map(TrainingEffect::scoreChange)
                        .filter(Objects::nonNull)
                        .map(Integer::doubleValue)
                        .toList()),
                Objects.requireNonNullElse(
                        median(effects.stream()
                                .map(TrainingEffect::activeDaysPerWeekChange)
                                .toList()),
                        0.0),
                effects.stream().filter(TrainingEffect::belowBefore).count(),
                meetingAfter,
                Rounding.share(meetingAfter, trainings),
                effects.stream()
                        .filter(effect -> effect.belowBefore() && effect.meetingAfter())
                        .count(),
                pending);
    }

    /** The median (the mean of the two middle values for an even count); null for no values. */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return Rounding.three(median);
    }

    private static String keyOf(GroupBy by, TrainedAssignment training) {
        return Objects.requireNonNullElse(by.key.apply(training), "(none)");
    }
}
