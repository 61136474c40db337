package io.uptake.training.session;

import jakarta.validation.constraints.Size;

/** HR names the person; the assignee sends an empty body (or none). */
public record EnrolmentRequest(@Size(min = 1, max = 100) String userId) {}
