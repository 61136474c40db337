package io.uptake.training.assignment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * Why an assignment exists: {@code SCORE} (a skill scored under the threshold), {@code RETEST} (every
 * training of a skill completed), {@code SHORTFALL} (usage below objectives), {@code MANUAL} (HR).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reason(String kind, String skill, Integer score, Integer threshold, UUID attemptId, String detail) {

    public static Reason score(String skill, int score, int threshold, UUID attemptId) {
        return new Reason(
                "SCORE",
                skill,
                score,
                threshold,
                attemptId,
                "scored " + score + " on " + skill + ", under the threshold of " + threshold);
    }
}
