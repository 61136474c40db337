package io.uptake.training.session;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An instructor-led session of a module: when, where, how many seats. */
public record NewSession(
        @NotNull UUID moduleId,
        @NotNull OffsetDateTime startsAt,
        @NotBlank @Size(max = 200) String location,
        @NotNull @Min(1) @Max(1000) Integer capacity) {}
