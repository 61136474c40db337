package io.uptake.training.skill;

/** A person's score on one skill in a test: the share of its questions answered right, against the pass mark. */
public record SkillScore(String skill, int score, int passMark, boolean passed, int questions) {}
