package io.uptake.training.module;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Training modules in PostgreSQL ({@code training_module}). */
@ApplicationScoped
public class ModuleStore {

    private final Pool pool;

    public ModuleStore(Pool pool) {
        this.pool = pool;
    }

    /** Which of these skill codes the catalogue holds. */
    public Uni<Set<String>> knownSkills(List<String> codes) {
        return pool.preparedQuery("select code from skill where code = any($1)")
                .execute(Tuple.of(codes.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> known = new HashSet<>();
                    rows.forEach(row -> known.add(row.getString("code")));
                    return known;
                });
    }

    public Uni<Void> insert(ModuleView module) {
        return pool.preparedQuery("""
                        insert into training_module (id, title, skills, mode, duration_minutes, url) values ($1, $2, $3, $4, $5, $6)""")
                .execute(Tuple.tuple(Arrays.asList(
                        module.id(),
                        module.title(),
                        module.skills().toArray(String[]::new),
                        module.mode().name(),
                        module.durationMinutes(),
                        module.url())))
                .replaceWithVoid();
    }

    public Uni<PageView<ModuleView>> page(String skill, int page, int size) {
        return pool.preparedQuery("""
                        select *, count(*) over () as total from training_module where ($1::varchar is null or $1 = any(skills))
                        order by created_at, id limit $2 offset $3""")
                .execute(Tuple.of(skill, size, io.uptake.platform.api.PagingLimit.offset(page, size)))
                .map(rows -> Pages.of(
                        rows,
                        row -> new ModuleView(
                                row.getUUID("id"),
                                row.getString("title"),
                                List.of(row.getArrayOfStrings("skills")),
                                Mode.valueOf(row.getString("mode")),
                                row.getInteger("duration_minutes"),
                                row.getString("url")),
                        page,
                        size));
    }

    /**
     * The modules that could retrain a skill, newest first (the order {@code RetrainingPlanner} expects);
     * {@code onlyModule} narrows them to the one HR named.
     */
    public Uni<List<ModuleCandidate>> candidates(SqlClient client, String skill, UUID onlyModule) {
        return client.preparedQuery("""
                        select id, mode from training_module
                        where $1 = any(skills) and ($2::uuid is null or id = $2)
                        order by created_at desc, id""").execute(Tuple.of(skill, onlyModule)).map(rows -> {
            List<ModuleCandidate> candidates = new ArrayList<>(rows.size());
            rows.forEach(
                    row -> candidates.add(new ModuleCandidate(row.getUUID("id"), Mode.valueOf(row.getString("mode")))));
            return candidates;
        });
    }

    /** The newest module in this mode that covers the skill; null when there is none. */
    public Uni<UUID> newestInMode(SqlClient client, String skill, Mode mode) {
        return client.preparedQuery("""
                        select id from training_module where $1 = any(skills) and mode = $2 order by created_at desc, id limit 1""")
                .execute(Tuple.of(skill, mode.name()))
                .map(found -> found.size() == 0 ? null : found.iterator().next().getUUID("id"));
    }
}
