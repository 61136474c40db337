package io.uptake.training.module;

import java.util.UUID;

/** A module that covers a skill, as the retraining planner weighs it; candidates come newest first. */
public record ModuleCandidate(UUID moduleId, Mode mode) {}
