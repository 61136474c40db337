package io.uptake.training.assessment;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Json;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test definitions in PostgreSQL ({@code competency_test}). */
@ApplicationScoped
public class TestStore {

    private static final String COLUMNS =
            "id, name, blueprint::text as blueprint, time_limit_minutes, pass_mark, retake_after_hours, business_units, job_roles";

    private final Pool pool;
    private final Json json;

    public TestStore(Pool pool, Json json) {
        this.pool = pool;
        this.json = json;
    }

    /** For each of these skill codes in the catalogue, how many questions the bank holds. */
    public Uni<Map<String, Long>> questionsPerSkill(String[] skills) {
        return pool.preparedQuery("""
                        select s.code, (select count(*) from question q where q.skill = s.code) as questions
                        from skill s where s.code = any($1)""").execute(Tuple.of(skills)).map(rows -> {
            Map<String, Long> available = new HashMap<>();
            rows.forEach(row -> available.put(row.getString("code"), row.getLong("questions")));
            return available;
        });
    }

    public Uni<Void> insert(TestView test) {
        return pool.preparedQuery("""
                        insert into competency_test (id, name, blueprint, time_limit_minutes, pass_mark, retake_after_hours,
                                                     business_units, job_roles)
                        values ($1, $2, $3::text::jsonb, $4, $5, $6, $7, $8)""")
                .execute(Tuple.tuple(Arrays.asList(
                        test.id(),
                        test.name(),
                        json.write(test.blueprint()),
                        test.timeLimitMinutes(),
                        test.passMark(),
                        test.retakeAfterHours(),
                        test.audience().businessUnits().toArray(String[]::new),
                        test.audience().jobRoles().toArray(String[]::new))))
                .replaceWithVoid();
    }

    /** The tests open to a business unit and job role ({@code all}: every test), newest first. */
    public Uni<PageView<TestView>> page(boolean all, String businessUnit, String jobRole, int page, int size) {
        return pool.preparedQuery("select " + COLUMNS + ", count(*) over () as total from competency_test"
                        + " where $1 or ((cardinality(business_units) = 0 or $2 = any(business_units))"
                        + " and (cardinality(job_roles) = 0 or $3 = any(job_roles)))"
                        + " order by created_at desc, id limit $4 offset $5")
                .execute(Tuple.tuple(Arrays.asList(
                        all, businessUnit, jobRole, size, io.uptake.platform.api.PagingLimit.offset(page, size))))
                .map(rows -> Pages.of(rows, row -> view(row), page, size));
    }

    public Uni<TestView> find(SqlClient client, UUID id) {
        return client.preparedQuery("select " + COLUMNS + " from competency_test where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    /** The newest test covering the skill; null when there is none. */
    public Uni<UUID> newestCovering(SqlClient client, String skill) {
        return client.preparedQuery("""
                        select id from competency_test where blueprint @> jsonb_build_array(jsonb_build_object('skill', $1::text))
                        order by created_at desc, id limit 1""").execute(Tuple.of(skill)).map(TestStore::firstId);
    }

    /** The test open to a business unit and job role, the most specific audience first, then the newest; null when none is. */
    public Uni<UUID> mostRelevant(SqlClient client, String businessUnit, String jobRole) {
        return client.preparedQuery("""
                        select id from competency_test
                        where (cardinality(business_units) = 0 or $1 = any(business_units))
                          and (cardinality(job_roles) = 0 or $2 = any(job_roles))
                        order by (cardinality(business_units) > 0)::int + (cardinality(job_roles) > 0)::int desc, created_at desc, id
                        limit 1""")
                .execute(Tuple.tuple(Arrays.asList(businessUnit, jobRole)))
                .map(TestStore::firstId);
    }

    private static UUID firstId(Iterable<Row> rows) {
        var found = rows.iterator();
        return found.hasNext() ? found.next().getUUID("id") : null;
    }

    private TestView view(Row row) {
        List<NewTest.BlueprintItem> blueprint =
                List.of(json.read(row.getString("blueprint"), NewTest.BlueprintItem[].class));
        return new TestView(
                row.getUUID("id"),
                row.getString("name"),
                blueprint,
                row.getInteger("time_limit_minutes"),
                row.getInteger("pass_mark"),
                row.getInteger("retake_after_hours"),
                new NewTest.Audience(
                        List.of(row.getArrayOfStrings("business_units")), List.of(row.getArrayOfStrings("job_roles"))));
    }
}
