package io.uptake.feedback.area;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Conflict;
import io.uptake.platform.api.PageView;
import io.uptake.platform.catalogue.Catalogue;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The feedback areas items are tagged with: the seeded ones and the organisation's own. An area is never
 * deleted (items keep naming it); a deactivated one is left out of the list and takes no new items.
 */
@Singleton // no client proxy: a Catalogue has no no-args constructor
public class AreaService extends Catalogue {

    private final AreaRepository areas;

    public AreaService(Pool pool, AreaRepository areas) {
        super(pool, "area");
        this.areas = areas;
    }

    /** A page in code order: the active areas, or every area when {@code withInactive}. */
    public Uni<PageView<AreaView>> list(boolean withInactive, int page, int size) {
        return Panache.withSession(() -> areas.listed(withInactive, page, size)
                .map(found -> found.stream().map(AreaView::of).toList())
                .flatMap(items ->
                        areas.countListed(withInactive).map(total -> new PageView<>(items, page, size, total))));
    }

    /** The queries of both lists the pages read, once at start. */
    @Override
    public Uni<?> warmUp() {
        return list(true, 0, 1).flatMap(withInactive -> list(false, 0, 1));
    }

    /** The area, or null when there is none with this code. */
    public Uni<AreaView> area(String code) {
        return Panache.withSession(() -> areas.findById(code).map(found -> found == null ? null : AreaView.of(found)));
    }

    /** Adds an area; a 409 when its code exists or another area has its name (ignoring case). */
    public Uni<AreaView> create(NewArea area) {
        String name = area.name().strip();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Panache.withTransaction(() -> areas.findById(area.code())
                .flatMap(existing -> {
                    if (existing != null) {
                        throw new Conflict("There is an area '" + area.code() + "' already");
                    }
                    return areas.count("lower(name) = ?1", name.toLowerCase(Locale.ROOT));
                })
                .flatMap(sameName -> {
                    if (sameName > 0) {
                        throw new Conflict("There is an area named '" + name + "' already");
                    }
                    Area created = new Area();
                    created.code = area.code();
                    created.name = name;
                    created.description = area.description();
                    created.createdAt = now;
                    created.updatedAt = now;
                    return areas.persist(created);
                })
                .map(AreaView::of));
    }

    /** Takes the area out of use or back into it; null when there is none with this code. */
    public Uni<AreaView> activate(String code, boolean active) {
        return Panache.withTransaction(() -> areas.findById(code).map(found -> {
            if (found == null) {
                return null;
            }
            if (found.active != active) {
                found.active = active;
                found.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            }
            return AreaView.of(found);
        }));
    }
}
