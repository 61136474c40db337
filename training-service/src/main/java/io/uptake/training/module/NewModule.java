package io.uptake.training.module;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A training module: the skills it covers, eLearning or instructor-led, how long, where to find it. */
public record NewModule(
        @NotBlank @Size(max = 200) String title,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> skills,
        @NotNull Mode mode,
        @NotNull @Min(1) @Max(10000) Integer durationMinutes,

        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String url) {}
