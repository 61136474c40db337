package io.uptake.metrics.action;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an admin sends to add or rename a catalogue action. */
public record ActionDefinition(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 1000) String description) {}
