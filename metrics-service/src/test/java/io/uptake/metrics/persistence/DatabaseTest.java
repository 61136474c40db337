package io.uptake.metrics.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.uptake.metrics.action.ActionService;
import io.uptake.platform.catalogue.CatalogueDefinition;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DatabaseTest {

    private final Pool pool;
    private final ActionService actions;

    DatabaseTest(Pool pool, ActionService actions) {
        this.pool = pool;
        this.actions = actions;
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
                                "select count(*) as seeded from action where code in ('login', 'record.created', 'search.performed')")
                        .execute(),
                rows -> assertThat(rows.iterator().next().getLong("seeded")).isEqualTo(3L));
    }

    @Test
    @RunOnVertxContext
    void aReactiveInsertCanBeReadBack(UniAsserter asserter) {
        String code = "probe.inserted-" + UUID.randomUUID().toString().substring(0, 8);
        asserter.assertThat(
                () -> actions.define(code, new CatalogueDefinition("Probe action", "written by DatabaseTest")),
                saved -> assertThat(saved.created()).isTrue());
        asserter.assertThat(() -> actions.find(code), found -> {
            assertThat(found).isNotNull();
            assertThat(found.name()).isEqualTo("Probe action");
            assertThat(found.description()).isEqualTo("written by DatabaseTest");
        });
    }
}
