package io.uptake.feedback.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.uptake.feedback.area.AreaService;
import io.uptake.platform.catalogue.CatalogueDefinition;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DatabaseTest {

    private final Pool pool;
    private final AreaService areas;

    DatabaseTest(Pool pool, AreaService areas) {
        this.pool = pool;
        this.areas = areas;
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
                () -> pool.query("select count(*) as seeded from area where code in ('contacts', 'reports', 'other')")
                        .execute(),
                rows -> assertThat(rows.iterator().next().getLong("seeded")).isEqualTo(3L));
    }

    @Test
    @RunOnVertxContext
    void aReactiveInsertCanBeReadBack(UniAsserter asserter) {
        String code = "probe.inserted-" + UUID.randomUUID().toString().substring(0, 8);
        asserter.assertThat(
                () -> areas.define(code, new CatalogueDefinition("Probe area", "written by DatabaseTest")),
                saved -> assertThat(saved.created()).isTrue());
        asserter.assertThat(() -> areas.find(code), found -> {
            assertThat(found).isNotNull();
            assertThat(found.name()).isEqualTo("Probe area");
            assertThat(found.description()).isEqualTo("written by DatabaseTest");
        });
    }
}
