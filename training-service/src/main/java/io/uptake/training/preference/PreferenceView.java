package io.uptake.training.preference;

import io.uptake.training.module.Mode;

/** A person's learning preference: {@code preferredMode} null when they stated none. Also the PUT body. */
public record PreferenceView(String userId, Mode preferredMode) {}
