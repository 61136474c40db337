package io.uptake.training.assignment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * Why an assignment exists: {@code SCORE} (a skill scored under the threshold), {@code RETEST} (every
 * training of a skill completed), {@code SHORTFALL} (usage below objectives), {@code MANUAL} (HR),
 * {@code FOLLOW_UP} (training agreed in a manager's follow-up), {@code RECERTIFY} (a passed skill about to expire).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reason(ReasonKind kind, String skill, Integer score, Integer threshold, UUID attemptId, String detail) {

    public static Reason score(String skill, int score, int threshold, UUID attemptId) {
        return new Reason(
                ReasonKind.SCORE,
                skill,
                score,
                threshold,
                attemptId,
                "scored " + score + " on " + skill + ", under the threshold of " + threshold);
    }

    /**
     * Training agreed in a follow-up. The detail names neither the follow-up's id nor who agreed it (a user id):
     * people read it; the assignment's {@code assignedBy} and {@code assignedByName} say who.
     */
    public static Reason followUp(String skill, String rootCause) {
        return new Reason(
                ReasonKind.FOLLOW_UP,
                skill,
                null,
                null,
                null,
                "training on " + skill + " agreed in a follow-up"
                        + (rootCause == null ? "" : " (root cause: " + rootCause + ")"));
    }

    public static Reason recertify(String skill, java.time.LocalDate expiresOn) {
        return new Reason(
                ReasonKind.RECERTIFY,
                skill,
                null,
                null,
                null,
                "the pass on " + skill + " expires on " + expiresOn + ": re-test it");
    }

    public static Reason retest(String skill) {
        return new Reason(
                ReasonKind.RETEST,
                skill,
                null,
                null,
                null,
                "every training of " + skill + " completed: re-test the skill");
    }
}
