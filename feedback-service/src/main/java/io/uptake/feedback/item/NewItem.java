package io.uptake.feedback.item;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a person sends to submit feedback; {@code anonymous} (default false) hides who sent it from everyone else. */
public record NewItem(
        @NotNull Kind kind,
        @NotBlank @Size(max = ItemLimits.TITLE) String title,
        @NotBlank @Size(max = ItemLimits.DESCRIPTION) String description,
        @NotBlank @Size(max = 64) String area,
        Boolean anonymous) {

    public boolean hidesSubmitter() {
        return Boolean.TRUE.equals(anonymous);
    }
}
