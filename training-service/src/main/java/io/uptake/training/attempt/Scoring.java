package io.uptake.training.attempt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scoring rules, each question worth 1 point:
 * <ul>
 * <li>SINGLE: 1 for the right option, else 0.</li>
 * <li>NUMBER: 1 when within the tolerance of the key (inclusive), else 0.</li>
 * <li>MULTIPLE: (right options chosen − wrong options chosen) / right options, never below 0.</li>
 * <li>ORDER: the share of pairs of steps that are in the right relative order (n steps make n(n−1)/2 pairs).</li>
 * </ul>
 * An unanswered question scores 0. A skill's score is 100 × its points / its questions, rounded half up
 * to a whole number; the skill passes at or above its pass mark.
 */
public final class Scoring {

    private Scoring() {}

    public static double single(int key, Integer chosen) {
        return chosen != null && chosen == key ? 1.0 : 0.0;
    }

    public static double number(double key, double tolerance, Double given) {
        return given != null && Math.abs(given - key) <= tolerance + 1e-9 ? 1.0 : 0.0;
    }

    public static double multiple(Set<Integer> key, Set<Integer> chosen) {
        if (chosen == null || key.isEmpty()) {
            return 0.0;
        }
        long right = chosen.stream().filter(key::contains).count();
        long wrong = chosen.size() - right;
        return Math.max(0.0, (double) (right - wrong) / key.size());
    }

    public static double order(List<Integer> key, List<Integer> given) {
        if (given == null || given.size() != key.size() || key.size() < 2) {
            return given != null && given.equals(key) ? 1.0 : 0.0;
        }
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            position.put(given.get(i), i);
        }
        if (!position.keySet().equals(Set.copyOf(key))) {
            return 0.0;
        }
        int pairs = 0;
        int inOrder = 0;
        for (int i = 0; i < key.size(); i++) {
            for (int j = i + 1; j < key.size(); j++) {
                pairs++;
                if (position.get(key.get(i)) < position.get(key.get(j))) {
                    inOrder++;
                }
            }
        }
        return (double) inOrder / pairs;
    }

    /** 100 × points / questions, rounded half up. */
    public static int skillScore(double points, int questions) {
        return questions == 0 ? 0 : (int) Math.floor(100.0 * points / questions + 0.5 + 1e-9);
    }
}
