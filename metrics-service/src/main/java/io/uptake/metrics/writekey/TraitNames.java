package io.uptake.metrics.writekey;

import jakarta.validation.constraints.Pattern;

/**
 * The names under which a sender's {@code identify} traits carry the roster's business unit, job role, manager and
 * executive flag (Segment's conventions differ by company); unnamed ones take the defaults.
 */
public record TraitNames(
        @Pattern(regexp = TraitNames.NAME, message = TraitNames.NAME_RULE)
        String businessUnit,

        @Pattern(regexp = TraitNames.NAME, message = TraitNames.NAME_RULE)
        String jobRole,

        @Pattern(regexp = TraitNames.NAME, message = TraitNames.NAME_RULE)
        String managerId,

        @Pattern(regexp = TraitNames.NAME, message = TraitNames.NAME_RULE)
        String executive) {

    static final String NAME = "[A-Za-z0-9_.$-]{1,100}";
    static final String NAME_RULE = "must be 1 to 100 letters, digits or _ . $ -";

    public static final TraitNames DEFAULTS = new TraitNames("department", "title", "managerId", "executive");

    /** These names, the defaults where one is missing. */
    public TraitNames withDefaults() {
        return new TraitNames(
                businessUnit != null ? businessUnit : DEFAULTS.businessUnit,
                jobRole != null ? jobRole : DEFAULTS.jobRole,
                managerId != null ? managerId : DEFAULTS.managerId,
                executive != null ? executive : DEFAULTS.executive);
    }
}
