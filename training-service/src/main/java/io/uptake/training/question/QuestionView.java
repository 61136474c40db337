package io.uptake.training.question;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;

/** A question as HR sees it, answer key included (HR endpoints only, never a taker's). */
public record QuestionView(
        UUID id,
        String skill,
        QuestionType type,
        String prompt,
        List<String> options,
        JsonNode answer,
        Double tolerance,
        int difficulty) {}
