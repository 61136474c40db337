package io.uptake.training.assignment;

import java.util.List;

/** What a manual or bulk assignment did: how many were assigned, how many already had it open, and (up to 100) the new assignments. */
public record BulkResult(int assigned, int alreadyAssigned, List<AssignmentView> assignments) {}
