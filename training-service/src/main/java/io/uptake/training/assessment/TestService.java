package io.uptake.training.assessment;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.Json;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Problem.FieldError;
import io.uptake.training.access.Caller;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Test definitions: HR writes them, each person lists those open to them. */
@ApplicationScoped
public class TestService {

    private static final String COLUMNS =
            "id, name, blueprint::text as blueprint, time_limit_minutes, pass_mark, retake_after_hours, business_units, job_roles";

    private final Pool pool;
    private final Json json;

    public TestService(Pool pool, Json json) {
        this.pool = pool;
        this.json = json;
    }

    /** Creates a test; each blueprint skill must exist and hold enough questions to draw from. */
    public Uni<TestView> create(NewTest request) {
        Set<String> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.blueprint().size(); i++) {
            if (!seen.add(request.blueprint().get(i).skill())) {
                errors.add(new FieldError("blueprint[" + i + "].skill", "names a skill already in the blueprint"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String[] skills =
                request.blueprint().stream().map(NewTest.BlueprintItem::skill).toArray(String[]::new);
        return pool.preparedQuery("""
                        select s.code, (select count(*) from question q where q.skill = s.code) as questions
                        from skill s where s.code = any($1)""").execute(Tuple.of(skills)).flatMap(rows -> {
            Map<String, Long> available = new HashMap<>();
            rows.forEach(row -> available.put(row.getString("code"), row.getLong("questions")));
            for (int i = 0; i < request.blueprint().size(); i++) {
                NewTest.BlueprintItem item = request.blueprint().get(i);
                Long count = available.get(item.skill());
                if (count == null) {
                    errors.add(new FieldError(
                            "blueprint[" + i + "].skill", "no skill '" + item.skill() + "' in the catalogue"));
                } else if (count < item.questions()) {
                    errors.add(new FieldError(
                            "blueprint[" + i + "].questions",
                            "the bank holds only " + count + " question(s) of skill '" + item.skill() + "'"));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            NewTest.Audience audience = normalised(request.audience());
            TestView test = new TestView(
                    UUID.randomUUID(),
                    request.name().strip(),
                    request.blueprint(),
                    request.timeLimitMinutes(),
                    request.passMark(),
                    request.retakeAfterHours(),
                    audience);
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
                            audience.businessUnits().toArray(String[]::new),
                            audience.jobRoles().toArray(String[]::new))))
                    .replaceWith(test);
        });
    }

    /** The tests open to the caller (HR and admins: all of them). */
    public Uni<PageView<TestView>> list(Caller caller, int page, int size) {
        boolean all = caller.readsAll();
        return pool.preparedQuery("select " + COLUMNS + ", count(*) over () as total from competency_test"
                        + " where $1 or ((cardinality(business_units) = 0 or $2 = any(business_units))"
                        + " and (cardinality(job_roles) = 0 or $3 = any(job_roles)))"
                        + " order by created_at desc, id limit $4 offset $5")
                .execute(Tuple.tuple(Arrays.asList(
                        all,
                        caller.businessUnit(),
                        caller.jobRole(),
                        size,
                        io.uptake.platform.api.PagingLimit.offset(page, size))))
                .map(rows -> {
                    List<TestView> items = new ArrayList<>();
                    long total = 0;
                    for (Row row : rows) {
                        total = row.getLong("total");
                        items.add(of(row));
                    }
                    return new PageView<>(items, page, size, total);
                });
    }

    public Uni<TestView> find(SqlClient client, UUID id) {
        return client.preparedQuery("select " + COLUMNS + " from competency_test where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : of(rows.iterator().next()));
    }

    public Uni<TestView> find(UUID id) {
        return find(pool, id);
    }

    private TestView of(Row row) {
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

    private static NewTest.Audience normalised(NewTest.Audience audience) {
        if (audience == null) {
            return new NewTest.Audience(List.of(), List.of());
        }
        return new NewTest.Audience(
                audience.businessUnits() == null
                        ? List.of()
                        : audience.businessUnits().stream()
                                .map(String::strip)
                                .distinct()
                                .toList(),
                audience.jobRoles() == null
                        ? List.of()
                        : audience.jobRoles().stream()
                                .map(String::strip)
                                .distinct()
                                .toList());
    }
}
