package io.uptake.training.attempt;

import io.uptake.training.assignment.AssignmentView;
import io.uptake.training.skill.SkillScore;
import java.util.List;

/** The outcome of a submitted attempt: a score per skill, pass/fail, and the retraining it caused. */
public record AttemptResult(boolean passed, List<SkillScore> skillScores, List<AssignmentView> assignments) {}
