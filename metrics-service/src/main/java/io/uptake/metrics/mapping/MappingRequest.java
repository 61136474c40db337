package io.uptake.metrics.mapping;

/** The action a name counts as. */
public record MappingRequest(String action) {}
