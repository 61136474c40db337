package io.uptake.metrics.objective;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What an admin sends to set the objectives of one business unit and job role (an empty list clears them).
 * {@code effectiveFrom} (a date, optional) backdates the new version to the start of that day (UTC), so that
 * history since then is judged by it; without it the version takes effect now.
 */
public record ObjectivesRequest(
        @NotNull @Size(max = 50) List<@Valid @NotNull Expectation> expectations, String effectiveFrom) {}
