package io.uptake.training.skill;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class SkillRepository implements PanacheRepositoryBase<Skill, String> {

    public Uni<List<Skill>> listPage(int page, int size) {
        return findAll(Sort.by("code")).page(Page.of(page, size)).list();
    }

    /** Inserts unless the code exists; true when this call inserted it. Safe when two requests race. */
    public Uni<Boolean> insertIfAbsent(Skill skill) {
        return getSession()
                .flatMap(session -> session.createNativeQuery("""
                        insert into skill (code, name, description, created_at, updated_at)
                        values (:code, :name, :description, :createdAt, :updatedAt)
                        on conflict (code) do nothing""")
                        .setParameter("code", skill.code)
                        .setParameter("name", skill.name)
                        .setParameter("description", skill.description)
                        .setParameter("createdAt", skill.createdAt)
                        .setParameter("updatedAt", skill.updatedAt)
                        .executeUpdate())
                .map(rows -> rows == 1);
    }
}
