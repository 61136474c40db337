package io.uptake.platform.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an admin sends to add or rename a catalogue entry. */
public record CatalogueDefinition(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 1000) String description) {}
