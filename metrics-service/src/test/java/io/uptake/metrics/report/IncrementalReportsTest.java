package io.uptake.metrics.report;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.api.Interval;
import io.uptake.metrics.followup.FollowUpStore;
import io.uptake.metrics.ingest.UsageEvent;
import io.uptake.metrics.ingest.UsageEventStore;
import io.uptake.metrics.practice.PracticeStore;
import io.uptake.metrics.roster.RosterQueries;
import io.uptake.metrics.roster.RosterStore;
import io.uptake.metrics.scorecard.TeamScorecards;
import io.uptake.metrics.scorecard.UsageQueries;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reports brought up to date from the people whose usage changed give the answer a computation for everyone gives:
 * after each kind of change (new, late and duplicate events; a person moving units, changing roles, moving back; a
 * person leaving the roster; a new person, before and after their first events; objectives changed with an effective
 * date in the past, for one role and for the whole unit, and from today), the service's answers (kept between changes)
 * are compared with those of a service that keeps nothing, and the cache says which way it answered: roster changes
 * and one role's objectives are brought up to date.
 */
@QuarkusTest
class IncrementalReportsTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final DateRange RANGE = new DateRange(TODAY.minusDays(27), TODAY);
    private static final List<String> ACTIONS = List.of("login", "record.created", "activity.logged");

    private final ReportService reports;
    private final TeamScorecards scorecards;
    private final ReportQueries queries;
    private final UsageQueries usage;
    private final RosterStore roster;
    private final ConformityConfig conformity;
    private final FollowUpStore followUps;
    private final PracticeStore practices;
    private final RosterQueries names;
    private ReportService computedEachTime;
    private ReportService partsNotKept;
    private final ReportCache cache;
    private final UsageEventStore store;
    private final Pool pool;
    private final Random random = new Random();
    private final List<UsageEvent> applied = new ArrayList<>();

    IncrementalReportsTest(
            ReportService reports,
            ReportCache cache,
            UsageEventStore store,
            Pool pool,
            TeamScorecards scorecards,
            ReportQueries queries,
            UsageQueries usage,
            RosterStore roster,
            ConformityConfig conformity,
            FollowUpStore followUps,
            PracticeStore practices,
            RosterQueries names) {
        this.reports = reports;
        this.cache = cache;
        this.store = store;
        this.pool = pool;
        this.scorecards = scorecards;
        this.queries = queries;
        this.usage = usage;
        this.roster = roster;
        this.conformity = conformity;
        this.followUps = followUps;
        this.practices = practices;
        this.names = names;
    }

    /** The report service over the same stores, with a report cache of these settings. */
    private ReportService serviceWith(Settings settings) {
        return new ReportService(
                scorecards,
                queries,
                usage,
                roster,
                new ReportCache(queries, settings),
                conformity,
                followUps,
                practices,
                names);
    }

    @Test
    void reportsBroughtUpToDateEqualReportsComputedForEveryone() {
        // a cache whose snapshots may hold 5 parts: every report here is larger, so it keeps only its answer
        partsNotKept = serviceWith(new Settings(32, 5));
        computedEachTime = serviceWith(new Settings(0, 0));
        String unit = "Incremental " + UUID.randomUUID().toString().substring(0, 8);
        String otherUnit = unit + " other";
        objectives(unit, 2, 3, TODAY.minusDays(60));
        objectives(otherUnit, 1, 1, TODAY.minusDays(60));
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            people.add(person(unit, "rep", true));
        }
        people.add(person(unit, "lead", true));
        for (int i = 0; i < 10; i++) {
            apply(people, 1, 8); // a few people meet the objectives, most do not
        }
        assertAgree(unit, "after the first usage");

        for (int round = 0; round < 3; round++) {
            long refreshed = cache.refreshes();
            apply(people, 1, 3); // one person's new use, today or late
            assertAgree(unit, "after one person's new events, round " + round);
            apply(List.of(), 0, 0); // duplicates only
            assertAgree(unit, "after duplicates, round " + round);
            assertThat(cache.refreshes() - refreshed)
                    .as("answers brought up to date rather than computed (round %d)", round)
                    .isGreaterThanOrEqualTo(10);
        }

        long full = cache.fullComputations();
        long refreshed = cache.refreshes();
        putPerson(people.get(0), otherUnit, "rep", true); // moves units
        assertAgree(unit, "after a move to another unit");
        putPerson(people.get(2), unit, "lead", true); // changes roles
        assertAgree(unit, "after a change of role");
        apply(people, 2, 4);
        assertAgree(unit, "after new events of a moved person");
        putPerson(people.get(1), unit, "rep", false); // leaves the roster
        assertAgree(unit, "after a person left the roster");
        people.add(person(unit, "rep", true));
        assertAgree(unit, "after a new person joined, before their first events");
        apply(people.subList(people.size() - 1, people.size()), 1, 4);
        assertAgree(unit, "after a new person's first events");
        putPerson(people.get(0), unit, "rep", true); // moves back
        assertAgree(unit, "after a move back");
        assertThat(cache.fullComputations())
                .as("roster changes re-judge only the people they name")
                .isEqualTo(full);
        assertThat(cache.refreshes() - refreshed)
                .as("after each of the 7 changes, the 6 kept reports brought up to date")
                .isGreaterThanOrEqualTo(7 * 6);

        objectives(unit, List.of("lead"), 1, 5, TODAY.minusDays(10)); // one role's objectives, in force from the past
        assertAgree(unit, "after the leads' objectives changed from 10 days ago");
        assertThat(cache.fullComputations())
                .as("an objectives change re-judges only the people of the teams it names")
                .isEqualTo(full);

        objectives(unit, List.of("rep", "lead"), 2, 4, TODAY.minusDays(20)); // every role of the unit
        assertAgree(unit, "after the unit's objectives changed from 20 days ago");
        full = cache.fullComputations();
        objectives(unit, List.of("lead"), 1, 2, null); // in force from now, as most changes are
        assertAgree(unit, "after the leads' objectives changed from now");
        assertThat(cache.fullComputations())
                .as("objectives in force from now re-judge only their teams too")
                .isEqualTo(full);

        // more than a quarter of the unit moves out while its objectives change, both before the next answer: the
        // unit's reports score everyone again, judged against the new objectives
        for (int i = 3; i < 8; i++) {
            putPerson(people.get(i), otherUnit, "rep", true);
        }
        objectives(unit, List.of("rep", "lead"), 1, 3, TODAY.minusDays(5));
        assertAgree(unit, "after five people moved out and the unit's objectives changed, at once");
    }

    /** Every report kept as parts, for the unit and for everyone grouped by unit, against a fresh computation. */
    private void assertAgree(String unit, String when) {
        for (int asked = 0; asked < 2; asked++) { // asked twice: the second answer is the kept one
            // everyone (the whole test database) once per change, the unit twice
            for (String scope : asked == 0 ? new String[] {unit, null} : new String[] {unit}) {
                assertThat(await(reports.adoption(RANGE, ReportService.GroupBy.BUSINESS_UNIT, scope)))
                        .as("adoption by unit of %s, %s", scope, when)
                        .isEqualTo(await(computedEachTime.adoption(RANGE, ReportService.GroupBy.BUSINESS_UNIT, scope)));
            }
            assertThat(await(reports.adoption(RANGE, ReportService.GroupBy.JOB_ROLE, unit)))
                    .as("adoption by role, %s", when)
                    .isEqualTo(await(computedEachTime.adoption(RANGE, ReportService.GroupBy.JOB_ROLE, unit)));
            assertThat(await(reports.trend(RANGE, Interval.require("week"), ReportService.GroupBy.BUSINESS_UNIT, unit)))
                    .as("weekly trend, %s", when)
                    .isEqualTo(await(computedEachTime.trend(
                            RANGE, Interval.require("week"), ReportService.GroupBy.BUSINESS_UNIT, unit)));
            assertThat(await(reports.trend(RANGE, Interval.require("day"), ReportService.GroupBy.JOB_ROLE, unit)))
                    .as("daily trend by role, %s", when)
                    .isEqualTo(await(computedEachTime.trend(
                            RANGE, Interval.require("day"), ReportService.GroupBy.JOB_ROLE, unit)));
            assertThat(await(reports.shortfalls(RANGE, unit)))
                    .as("shortfalls, %s", when)
                    .isEqualTo(await(computedEachTime.shortfalls(RANGE, unit)))
                    .isNotEmpty();
            // a report too large to keep its parts answers the same
            assertThat(await(partsNotKept.trend(
                            RANGE, Interval.require("week"), ReportService.GroupBy.BUSINESS_UNIT, unit)))
                    .as("weekly trend without parts kept, %s", when)
                    .isEqualTo(await(computedEachTime.trend(
                            RANGE, Interval.require("week"), ReportService.GroupBy.BUSINESS_UNIT, unit)));
            assertThat(await(partsNotKept.shortfalls(RANGE, unit)))
                    .as("shortfalls without parts kept, %s", when)
                    .isEqualTo(await(computedEachTime.shortfalls(RANGE, unit)));
        }
    }

    /**
     * New events of {@code count} random people among {@code people}, {@code perPerson} each on random days of the
     * range (today's among them), with some of the events applied before sent again; then a batch delivered twice.
     */
    private void apply(List<String> people, int count, int perPerson) {
        List<UsageEvent> events = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            String user = people.get(random.nextInt(people.size()));
            for (int i = 0; i < perPerson; i++) {
                LocalDate day = RANGE.from().plusDays(random.nextInt((int) RANGE.days()));
                events.add(new UsageEvent(
                        UUID.randomUUID(),
                        user,
                        ACTIONS.get(random.nextInt(ACTIONS.size())),
                        day.equals(TODAY)
                                ? java.time.Instant.now().minusSeconds(60)
                                : day.atTime(9 + random.nextInt(8), 0).toInstant(ZoneOffset.UTC),
                        null,
                        "test"));
            }
        }
        for (int i = 0; i < 5 && !applied.isEmpty(); i++) {
            events.add(applied.get(random.nextInt(applied.size())));
        }
        store.apply(events, LocalDate.MIN).await().atMost(Duration.ofSeconds(30));
        store.apply(events, LocalDate.MIN).await().atMost(Duration.ofSeconds(30));
        applied.addAll(events);
    }

    private static <T> T await(io.smallrye.mutiny.Uni<T> answer) {
        return answer.await().atMost(Duration.ofSeconds(60));
    }

    private static String person(String unit, String role, boolean active) {
        String user = "incremental-" + UUID.randomUUID().toString().substring(0, 12);
        putPerson(user, unit, role, active);
        return user;
    }

    private static void putPerson(String user, String unit, String role, boolean active) {
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"displayName\":\"Incremental person\",\"businessUnit\":\"%s\",\"jobRole\":\"%s\",\"active\":%s}"
                                .formatted(unit, role, active))
                .when()
                .put("/api/metrics/people/" + user)
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private static void objectives(String unit, int activeDays, int created, LocalDate from) {
        objectives(unit, List.of("rep", "lead"), activeDays, created, from);
    }

    private static void objectives(String unit, List<String> roles, int activeDays, int created, LocalDate from) {
        for (String role : roles) {
            given().auth()
                    .oauth2(accessToken("adam"))
                    .contentType(ContentType.JSON)
                    .body(("{\"expectations\":[{\"metric\":\"active-days\",\"period\":\"week\",\"min\":%d},"
                                    + "{\"metric\":\"action:record.created\",\"period\":\"week\",\"min\":%d}]"
                                    + (from == null ? "}" : ",\"effectiveFrom\":\"" + from + "\"}"))
                            .formatted(activeDays, created))
                    .when()
                    .put("/api/metrics/objectives/" + unit + "/" + role)
                    .then()
                    .statusCode(200);
        }
    }

    /**
     * The settings of a report cache: {@code entries} 0 keeps nothing (every answer computed for everyone); {@code
     * parts} bounds the parts a snapshot may keep.
     */
    private record Settings(int entries, long parts) implements ReportsConfig {

        @Override
        public int cacheEntries() {
            return entries;
        }

        @Override
        public int cacheLists() {
            return entries;
        }

        @Override
        public java.util.Optional<Long> snapshotParts() {
            return java.util.Optional.of(parts);
        }

        @Override
        public Duration journalAge() {
            return Duration.ofMinutes(10);
        }

        @Override
        public Duration warmEvery() {
            return Duration.ZERO;
        }

        @Override
        public int concurrent() {
            return 2;
        }
    }
}
