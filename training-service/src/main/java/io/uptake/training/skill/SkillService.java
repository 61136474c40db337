package io.uptake.training.skill;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.work.WarmUp;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

@ApplicationScoped
public class SkillService implements WarmUp {

    private final SkillRepository skills;

    public SkillService(SkillRepository skills) {
        this.skills = skills;
    }

    @WithSession
    public Uni<PageView<SkillView>> list(int page, int size) {
        return skills.listPage(page, size)
                .map(found -> found.stream().map(SkillView::of).toList())
                .flatMap(items -> skills.count().map(total -> new PageView<>(items, page, size, total)));
    }

    /** The list's queries, once at start (see {@link WarmUp}). */
    @Override
    @WithSession
    public Uni<?> warmUp() {
        return list(0, 1);
    }

    @WithSession
    public Uni<SkillView> find(String code) {
        return skills.findById(code).map(found -> found == null ? null : SkillView.of(found));
    }

    /** Adds a skill; fails with {@link SkillAlreadyExists} when the code is taken. */
    @WithTransaction
    public Uni<SkillView> create(NewSkill request) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Skill skill = new Skill();
        skill.code = request.code();
        skill.name = request.name().strip();
        skill.description = request.description();
        skill.createdAt = now;
        skill.updatedAt = now;
        return skills.insertIfAbsent(skill).map(inserted -> {
            if (!inserted) {
                throw new SkillAlreadyExists(request.code());
            }
            return SkillView.of(skill);
        });
    }
}
