package io.uptake.feedback.item;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a person sends to comment on an item. */
public record NewComment(
        @NotBlank @Size(max = ItemLimits.COMMENT) String body) {}
