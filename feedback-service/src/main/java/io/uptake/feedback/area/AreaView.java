package io.uptake.feedback.area;

/** A feedback area as clients see it. */
public record AreaView(String code, String name, String description) {

    static AreaView of(Area area) {
        return new AreaView(area.code, area.name, area.description);
    }
}
