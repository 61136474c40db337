package io.uptake.training.assignment;

import io.uptake.training.module.Mode;
import io.uptake.training.module.ModuleCandidate;
import java.util.List;
import java.util.Optional;

/**
 * How retraining is delivered. The policy's mode follows the gap: a skill far enough under its pass mark
 * ({@code instructorLedFromGap} points or more) is retrained instructor-led, a smaller gap by eLearning.
 * The module: one in the person's own preferred mode where one covers the skill, else one in the policy's
 * mode, else the newest that covers the skill at all.
 */
public final class RetrainingMode {

    private RetrainingMode() {}

    /** How far the score is under the pass mark; 0 at or above it. */
    public static int gap(int score, int passMark) {
        return Math.max(0, passMark - score);
    }

    /** The mode a gap calls for under a unit's threshold. */
    public static Mode forGap(int gap, int instructorLedFromGap) {
        return gap >= instructorLedFromGap ? Mode.INSTRUCTOR_LED : Mode.ELEARNING;
    }

    /** {@code personal}: the person's preference (null: none); candidates newest first; null when there are none. */
    public static ModuleCandidate choose(Mode personal, Mode policy, List<ModuleCandidate> newestFirst) {
        return inMode(personal, newestFirst)
                .or(() -> inMode(policy, newestFirst))
                .orElse(newestFirst.isEmpty() ? null : newestFirst.getFirst());
    }

    private static Optional<ModuleCandidate> inMode(Mode mode, List<ModuleCandidate> newestFirst) {
        return mode == null
                ? Optional.empty()
                : newestFirst.stream()
                        .filter(candidate -> candidate.mode() == mode)
                        .findFirst();
    }
}
