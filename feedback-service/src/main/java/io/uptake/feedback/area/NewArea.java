package io.uptake.feedback.area;

import io.uptake.platform.catalogue.CatalogueResource;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an admin sends to add an area of their own. */
public record NewArea(
        @NotBlank
        @Size(max = 64)
        @Pattern(
                regexp = CatalogueResource.CODE_PATTERN,
                message = "must be lower-case words separated by dots, such as reports or mobile.offline")
        String code,

        @NotBlank @Size(max = 200) String name,
        @Size(max = 1000) String description) {}
