package io.uptake.metrics.scorecard;

import static io.restassured.RestAssured.given;
import static io.uptake.metrics.support.Fixtures.person;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.ingest.UsageEvent;
import io.uptake.metrics.ingest.UsageEventStore;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The per-person aggregates against a from-scratch count of the raw events: random events over four
 * months across a year's end (late ones, duplicates, batches applied twice; two of the people move to
 * another unit halfway), then random ranges, each read through the aggregates (and through the API as
 * scorecards, adoption and weekly trends of the unit) and recounted in plain SQL from {@code usage_event}
 * and the roster history.
 */
@QuarkusTest
class AggregatesAgreeTest {

    private static final LocalDate ORIGIN = LocalDate.of(2025, 11, 20);
    private static final int SPAN_DAYS = 110;
    private static final Set<String> ACTIONS = Set.of("login", "record.created", "activity.logged", "report.run");
    private static final List<String> ACTION_LIST = List.copyOf(ACTIONS);
    /** Two of the people move to another unit halfway through the span. */
    private static final java.time.OffsetDateTime MOVED_AT =
            ORIGIN.plusDays(55).atTime(12, 0).atOffset(ZoneOffset.UTC);
    /** The people of unit $3 on the active roster at instant $4, from the roster history. */
    private static final String MEMBERS_THEN = """
            user_id in (select user_id from person_membership where business_unit = $3 and active
                          and valid_from <= $4 and (valid_to is null or valid_to > $4))""";

    private final UsageEventStore store;
    private final UsageQueries usage;
    private final Pool pool;

    AggregatesAgreeTest(UsageEventStore store, UsageQueries usage, Pool pool) {
        this.store = store;
        this.usage = usage;
        this.pool = pool;
    }

    @Test
    void everyRangeReadFromTheAggregatesEqualsARecountOfTheEvents() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String unit = "Agree " + UUID.randomUUID().toString().substring(0, 8);
        String otherUnit = unit + " moved";
        for (String team : List.of(unit, otherUnit)) {
            given().auth()
                    .oauth2(accessToken("adam"))
                    .contentType(ContentType.JSON)
                    .body("{\"expectations\":[{\"metric\":\"active-days\",\"period\":\"week\",\"min\":2},"
                            + "{\"metric\":\"action:record.created\",\"period\":\"week\",\"min\":3}],\"effectiveFrom\":\""
                            + LocalDate.now(ZoneOffset.UTC).minusDays(399) + "\"}")
                    .when()
                    .put("/api/metrics/objectives/" + team + "/rep")
                    .then()
                    .statusCode(200);
        }
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            people.add(person("agree", unit, "rep", false));
        }
        for (String mover : people.subList(0, 2)) {
            pool.withTransaction(connection -> connection
                            .preparedQuery(
                                    "update person_membership set valid_to = $2 where user_id = $1 and valid_to is null")
                            .execute(Tuple.of(mover, MOVED_AT))
                            .flatMap(ended ->
                                    connection.preparedQuery("""
                                    insert into person_membership (user_id, business_unit, job_role, active, valid_from) values ($1, $2, 'rep', true, $3)""").execute(Tuple.of(mover, otherUnit, MOVED_AT)))
                            .flatMap(started -> connection
                                    .preparedQuery("update person set business_unit = $2 where user_id = $1")
                                    .execute(Tuple.of(mover, otherUnit))))
                    .await()
                    .atMost(Duration.ofSeconds(10));
        }

        // the span lies a year back: make sure its partitions of the event log exist whatever the retention
        pool.preparedQuery("select ensure_usage_event_partitions($1, $2)")
                .execute(Tuple.of(ORIGIN, ORIGIN.plusDays(SPAN_DAYS)))
                .await()
                .atMost(Duration.ofSeconds(10));
        List<UsageEvent> applied = new ArrayList<>();
        for (int batch = 0; batch < 25; batch++) {
            List<UsageEvent> events = new ArrayList<>();
            int size = 1 + random.nextInt(150);
            for (int i = 0; i < size; i++) {
                events.add(new UsageEvent(
                        UUID.randomUUID(),
                        people.get(random.nextInt(people.size())),
                        ACTION_LIST.get(random.nextInt(ACTION_LIST.size())),
                        ORIGIN.plusDays(random.nextInt(SPAN_DAYS))
                                .atStartOfDay()
                                .toInstant(ZoneOffset.UTC)
                                .plusSeconds(random.nextInt(86_400)),
                        null,
                        "test"));
            }
            for (int i = 0; i < 10 && !applied.isEmpty(); i++) {
                events.add(applied.get(random.nextInt(applied.size()))); // a redelivered event
            }
            Collections.shuffle(events, random);
            store.apply(events, LocalDate.MIN).await().atMost(Duration.ofSeconds(30));
            if (random.nextInt(5) == 0) {
                store.apply(events, LocalDate.MIN)
                        .await()
                        .atMost(Duration.ofSeconds(30)); // a whole batch delivered again
            }
            applied.addAll(events);
        }

        for (int i = 0; i < 30; i++) {
            LocalDate from = ORIGIN.minusDays(5).plusDays(random.nextInt(SPAN_DAYS));
            DateRange range = new DateRange(from, from.plusDays(random.nextInt(100)));
            String context = "seed " + seed + ", range " + range;
            Map<String, Usage> read =
                    usage.usage(range, null, null, ACTIONS).await().atMost(Duration.ofSeconds(30));
            Map<String, Recount> recount = recount(range, people);
            // the same read for a list of people (training effectiveness), every other call
            Map<String, Usage> listed = i % 2 == 0
                    ? read
                    : usage.usageOf(range, people, ACTIONS).await().atMost(Duration.ofSeconds(30));
            for (String user : people) {
                Recount expected = recount.getOrDefault(user, new Recount());
                Usage actual = listed.getOrDefault(user, Usage.empty());
                assertThat(actual.days().count(range.from(), range.to()))
                        .as("active days of %s, %s", user, context)
                        .isEqualTo(expected.days);
                assertThat(actual.days().workdays(range.from(), range.to()))
                        .as("active workdays of %s, %s", user, context)
                        .isEqualTo(expected.workdays);
                for (String action : ACTIONS) {
                    assertThat(actual.count(action))
                            .as("%s of %s, %s", action, user, context)
                            .isEqualTo(expected.actions.getOrDefault(action, 0L));
                }
            }
            if (i % 5 == 0) {
                compareReports(range, unit, people, recount, context);
            }
        }
    }

    /** Adoption for the unit and each person's scorecard, through the API, against the recount. */
    private void compareReports(
            DateRange range, String unit, List<String> people, Map<String, Recount> recount, String context) {
        String token = accessToken("adam");
        for (String user : people) {
            Recount expected = recount.getOrDefault(user, new Recount());
            JsonPath card = given().auth()
                    .oauth2(token)
                    .queryParam("from", range.from().toString())
                    .queryParam("to", range.to().toString())
                    .when()
                    .get("/api/metrics/people/" + user + "/scorecard")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(card.getLong("activeDays"))
                    .as("scorecard active days of %s, %s", user, context)
                    .isEqualTo(expected.days);
            assertThat(card.getLong("expectations[1].actual"))
                    .as("scorecard record.created of %s, %s", user, context)
                    .isEqualTo(expected.actions.getOrDefault("record.created", 0L));
        }
        Row figures = pool.preparedQuery("""
                        select count(distinct user_id) filter (where day between $1 and $2) as active,
                               count(distinct (user_id, day)) filter (where day between $1 and $2) as person_days,
                               count(distinct user_id) filter (where day between $2::date - 6 and $2) as wau,
                               count(distinct user_id) filter (where day between $2::date - 29 and $2) as mau
                          from usage_event where""" + " " + MEMBERS_THEN)
                .execute(Tuple.of(range.from(), range.to(), unit, range.judgedAt()))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next();
        long members = range.judgedAt().isBefore(MOVED_AT) ? people.size() : people.size() - 2;
        JsonPath adoption = given().auth()
                .oauth2(token)
                .queryParam("from", range.from().toString())
                .queryParam("to", range.to().toString())
                .queryParam("businessUnit", unit)
                .when()
                .get("/api/metrics/adoption")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(adoption.getLong("[0].people"))
                .as("people on the roster then, %s", context)
                .isEqualTo(members);
        assertThat(adoption.getLong("[0].activePeople"))
                .as("active people, %s", context)
                .isEqualTo(figures.getLong("active"));
        assertThat(adoption.getDouble("[0].dau"))
                .as("dau, %s", context)
                .isCloseTo(
                        figures.getLong("person_days") / (double) range.days(),
                        org.assertj.core.data.Offset.offset(0.0005));
        assertThat(adoption.getLong("[0].wau")).as("wau, %s", context).isEqualTo(figures.getLong("wau"));
        assertThat(adoption.getLong("[0].mau")).as("mau, %s", context).isEqualTo(figures.getLong("mau"));
        assertThat(adoption.getLong("[0].daily") + adoption.getLong("[0].weekly") + adoption.getLong("[0].occasional"))
                .as("people in an active band, %s", context)
                .isEqualTo(figures.getLong("active"));

        JsonPath trend = given().auth()
                .oauth2(token)
                .queryParam("from", range.from().toString())
                .queryParam("to", range.to().toString())
                .queryParam("businessUnit", unit)
                .queryParam("interval", "week")
                .when()
                .get("/api/metrics/adoption/trend")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> weeks = trend.getList("");
        assertThat(weeks).as("one row per week, %s", context).isNotEmpty();
        long days = 0;
        for (Map<String, Object> week : weeks) {
            LocalDate start = LocalDate.parse((String) week.get("periodStart"));
            LocalDate end = LocalDate.parse((String) week.get("periodEnd"));
            days += java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1;
            Row recounted = pool.preparedQuery("""
                            select count(distinct user_id) as active, count(distinct (user_id, day)) as person_days
                              from usage_event where day between $1 and $2 and""" + " " + MEMBERS_THEN)
                    .execute(Tuple.of(start, end, unit, new DateRange(start, end).judgedAt()))
                    .await()
                    .atMost(Duration.ofSeconds(10))
                    .iterator()
                    .next();
            assertThat(((Number) week.get("activePeople")).longValue())
                    .as("trend week %s active, %s", start, context)
                    .isEqualTo(recounted.getLong("active"));
            assertThat(((Number) week.get("dau")).doubleValue())
                    .as("trend week %s dau, %s", start, context)
                    .isCloseTo(
                            recounted.getLong("person_days")
                                    / (double) (java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1),
                            org.assertj.core.data.Offset.offset(0.0005));
        }
        assertThat(days).as("the weeks cover the range, %s", context).isEqualTo(range.days());
    }

    private static final class Recount {
        long days;
        long workdays;
        final Map<String, Long> actions = new HashMap<>();
    }

    private Map<String, Recount> recount(DateRange range, List<String> users) {
        Map<String, Recount> recount = new HashMap<>();
        Tuple scope = Tuple.of(range.from(), range.to(), users.toArray(String[]::new));
        pool.preparedQuery(
                        "select user_id, count(distinct day) as days, count(distinct day) filter (where extract(isodow from day) < 6) as workdays"
                                + " from usage_event where day between $1 and $2 and user_id = any($3) group by user_id")
                .execute(scope)
                .await()
                .atMost(Duration.ofSeconds(10))
                .forEach(row -> {
                    Recount r = recount.computeIfAbsent(row.getString("user_id"), id -> new Recount());
                    r.days = row.getLong("days");
                    r.workdays = row.getLong("workdays");
                });
        pool.preparedQuery(
                        "select user_id, action, count(*) as events from usage_event where day between $1 and $2 and user_id = any($3)"
                                + " group by user_id, action")
                .execute(scope)
                .await()
                .atMost(Duration.ofSeconds(10))
                .forEach(row -> recount.computeIfAbsent(row.getString("user_id"), id -> new Recount())
                        .actions
                        .put(row.getString("action"), row.getLong("events")));
        return recount;
    }
}
