package io.uptake.feedback.area;

import io.uptake.platform.catalogue.Catalogue;
import jakarta.inject.Singleton;

/** The feedback areas items are tagged with. */
@Singleton // no client proxy: a Catalogue has no no-args constructor
public class AreaService extends Catalogue<Area> {

    public AreaService(AreaRepository areas) {
        super(areas, Area::new);
    }
}
