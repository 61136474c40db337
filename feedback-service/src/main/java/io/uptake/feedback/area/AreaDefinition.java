package io.uptake.feedback.area;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an admin sends to add or rename a feedback area. */
public record AreaDefinition(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 1000) String description) {}
