package io.uptake.training.question;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What HR sends to add a question. {@code answer}: SINGLE the 0-based index of the right option,
 * MULTIPLE an array of indexes, ORDER every index in the right order, NUMBER a number (within {@code tolerance}).
 */
public record NewQuestion(
        @NotBlank @Size(max = 64) String skill,
        @NotNull QuestionType type,
        @NotBlank @Size(max = 2000) String prompt,
        @Size(max = 10) List<@NotBlank @Size(max = 500) String> options,
        @NotNull JsonNode answer,
        @PositiveOrZero Double tolerance,
        @NotNull @Min(1) @Max(5) Integer difficulty) {}
