package io.uptake.training.assignment;

import io.uptake.training.module.Mode;
import io.uptake.training.module.ModuleCandidate;
import io.uptake.training.policy.PolicyView;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The one rule for what retraining a weak skill gets, used by the path that scores an attempt and by HR's
 * bulk assignment alike: which module (one in the wanted mode if any covers the skill, else the newest
 * that does), which mode, and when it is due; and when a score is weak. Plain Java: the SQL around it only
 * reads the candidates and writes the plan.
 */
public final class RetrainingPlanner {

    /** What to assign: the module (null when none covers the skill), the mode, the due date. */
    public record Plan(UUID moduleId, Mode mode, LocalDate dueOn) {}

    private RetrainingPlanner() {}

    /**
     * Training for a skill. {@code requested}: a mode HR asked for (null: the unit's preference);
     * {@code dueOn}: a date HR set (null: {@code today} plus the policy's days).
     */
    public static Plan training(
            PolicyView policy, Mode requested, List<ModuleCandidate> newestFirst, LocalDate today, LocalDate dueOn) {
        return training(
                policy, null, requested != null ? requested : policy.preferredMode(), newestFirst, today, dueOn);
    }

    /**
     * Training for a skill, the module chosen by {@link RetrainingMode}: in the person's {@code personal}
     * mode (null: no preference) where one exists, else in {@code wanted} (the policy's), else the newest.
     */
    public static Plan training(
            PolicyView policy,
            Mode personal,
            Mode wanted,
            List<ModuleCandidate> newestFirst,
            LocalDate today,
            LocalDate dueOn) {
        ModuleCandidate module = RetrainingMode.choose(personal, wanted, newestFirst);
        return new Plan(
                module == null ? null : module.moduleId(),
                module == null ? wanted : module.mode(),
                due(policy, today, dueOn));
    }

    /** A test to take: no module or mode, due like training. */
    public static Plan test(PolicyView policy, LocalDate today, LocalDate dueOn) {
        return new Plan(null, null, due(policy, today, dueOn));
    }

    /** The score under which a skill needs training: the unit's threshold, else the test's pass mark for the skill. */
    public static int threshold(PolicyView policy, int passMark) {
        return policy.threshold() == null ? passMark : policy.threshold();
    }

    private static LocalDate due(PolicyView policy, LocalDate today, LocalDate dueOn) {
        return dueOn != null ? dueOn : today.plusDays(policy.dueInDays());
    }
}
