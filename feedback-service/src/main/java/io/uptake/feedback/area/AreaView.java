package io.uptake.feedback.area;

/** An area as clients see it; {@code active} false when it takes no new items. */
public record AreaView(String code, String name, String description, boolean active) {

    static AreaView of(Area area) {
        return new AreaView(area.code, area.name, area.description, area.active);
    }
}
