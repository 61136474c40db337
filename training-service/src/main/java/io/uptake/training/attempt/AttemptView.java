package io.uptake.training.attempt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An attempt as its taker sees it: the drawn questions with opaque question and option ids (fresh per attempt) and the answers saved so far, never a key. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttemptView(
        UUID id,
        UUID testId,
        String userId,
        AttemptStatus status,
        OffsetDateTime startedAt,
        OffsetDateTime deadline,
        OffsetDateTime submittedAt,
        List<TakerQuestion> questions,
        AttemptResult result) {

    /** A question as drawn for this attempt; {@code answer} is what the taker saved (option ids or a number). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TakerQuestion(
            UUID id, String skill, String type, String prompt, List<Option> options, JsonNode answer) {}

    public record Option(String id, String text) {}
}
