package io.uptake.metrics.writekey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What names a new write key: where it will be used, such as "Segment production". */
public record WriteKeyRequest(@NotBlank @Size(max = 100) String name) {}
