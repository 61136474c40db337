package io.uptake.training.skill;

/** A feedback skill as clients see it. */
public record SkillView(String code, String name, String description) {

    static SkillView of(Skill skill) {
        return new SkillView(skill.code, skill.name, skill.description);
    }
}
