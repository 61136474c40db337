package io.uptake.metrics.roster;

/** One roster entry, validated: what an admin sends for a person, by PUT or in an import. */
public record PersonEntry(
        String userId,
        String displayName,
        String email,
        String businessUnit,
        String jobRole,
        String managerId,
        boolean executive,
        boolean active) {}
