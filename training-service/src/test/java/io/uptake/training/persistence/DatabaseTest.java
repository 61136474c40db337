package io.uptake.training.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.uptake.training.skill.NewSkill;
import io.uptake.training.skill.SkillService;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DatabaseTest {

    private final Pool pool;
    private final SkillService skills;

    DatabaseTest(Pool pool, SkillService skills) {
        this.pool = pool;
        this.skills = skills;
    }

    @Test
    @RunOnVertxContext
    void flywayAppliedTheFirstMigration(UniAsserter asserter) {
        asserter.assertThat(
                () -> pool.query("select version, success from flyway_schema_history where version = '1'")
                        .execute(),
                rows -> {
                    assertThat(rows.size()).isEqualTo(1);
                    Row row = rows.iterator().next();
                    assertThat(row.getBoolean("success")).isTrue();
                });
        asserter.assertThat(
                () -> pool.query(
                                "select count(*) as columns from information_schema.columns where table_name = 'skill'")
                        .execute(),
                rows -> assertThat(rows.iterator().next().getLong("columns")).isEqualTo(5L));
    }

    @Test
    @RunOnVertxContext
    void aReactiveInsertCanBeReadBack(UniAsserter asserter) {
        String code = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        asserter.assertThat(
                () -> skills.create(new NewSkill(code, "Probe skill", "written by DatabaseTest")),
                created -> assertThat(created.code()).isEqualTo(code));
        asserter.assertThat(() -> skills.find(code), found -> {
            assertThat(found).isNotNull();
            assertThat(found.name()).isEqualTo("Probe skill");
            assertThat(found.description()).isEqualTo("written by DatabaseTest");
        });
    }
}
