package io.uptake.metrics.roster;

import java.util.List;

/** The business units and job roles on the roster, each distinct and sorted: what lists are filtered by. */
public record Groups(List<String> businessUnits, List<String> jobRoles) {}
