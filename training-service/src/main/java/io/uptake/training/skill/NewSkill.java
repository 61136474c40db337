package io.uptake.training.skill;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What HR sends to add a skill to the catalogue. */
public record NewSkill(
        @NotNull
        @Size(max = 64)
        @Pattern(
                regexp = "[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*",
                message = "must be lower-case words separated by dots or dashes, such as pipeline")
        String code,

        @NotBlank @Size(max = 200) String name,
        @Size(max = 1000) String description) {}
