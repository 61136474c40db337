package io.uptake.training.attempt;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;

/** SINGLE an option id, MULTIPLE and ORDER an array of option ids (ORDER in the taker's order), NUMBER a number. */
public record AnswerRequest(@NotNull JsonNode answer) {}
