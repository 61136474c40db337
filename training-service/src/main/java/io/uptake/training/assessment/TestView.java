package io.uptake.training.assessment;

import java.util.List;
import java.util.UUID;

/** A test as everyone sees it; each blueprint item carries the pass mark that applies to its skill. */
public record TestView(
        UUID id,
        String name,
        List<NewTest.BlueprintItem> blueprint,
        int timeLimitMinutes,
        int passMark,
        int retakeAfterHours,
        NewTest.Audience audience) {

    /** The pass mark of a skill of this test. */
    public int passMarkOf(String skill) {
        return blueprint.stream()
                .filter(item -> item.skill().equals(skill))
                .findFirst()
                .map(item -> item.passMark() == null ? passMark : item.passMark())
                .orElse(passMark);
    }

    public boolean openTo(String businessUnit, String jobRole) {
        return (audience.businessUnits().isEmpty() || audience.businessUnits().contains(businessUnit))
                && (audience.jobRoles().isEmpty() || audience.jobRoles().contains(jobRole));
    }
}
