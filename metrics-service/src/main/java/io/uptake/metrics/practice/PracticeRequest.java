package io.uptake.metrics.practice;

/** Why a unit's own way with an action is approved. */
public record PracticeRequest(String reason) {}
