package io.uptake.training.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.uptake.testsupport.DeadLetters;
import io.uptake.training.messaging.UpstreamProbe;
import io.uptake.training.support.Catalogue;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** What the roster projection can never apply lands on uptake.people.dead-letter with its reason; the next good record is applied. */
@QuarkusTest
class RosterDeadLetterTest {

    private final UpstreamProbe upstream;
    private final Pool pool;

    RosterDeadLetterTest(UpstreamProbe upstream, Pool pool) {
        this.upstream = upstream;
        this.pool = pool;
    }

    private static String person(String userId, String displayName) {
        return """
                {"userId":"%s","displayName":"%s","email":null,"businessUnit":"Support","jobRole":"support-agent",
                 "managerId":null,"executive":false,"active":true,"updatedAt":"%s"}""".formatted(userId, displayName, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private String displayNameOf(String userId) {
        RowSet<Row> rows = pool.preparedQuery("select display_name from person where user_id = $1")
                .execute(Tuple.of(userId))
                .await()
                .atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? null : rows.iterator().next().getString("display_name");
    }

    @Test
    void unusablePersonRecordsAreDeadLetteredWithTheReasonAndTheNextOneIsApplied() {
        String userId = Catalogue.unique("roster");
        // same key, so the same partition: the good one comes after the three bad ones
        String notJson = "not json at all " + userId;
        String wrongShape = "{\"displayName\":[\"" + userId + "\"]}";
        // a person of their own (a newer state of the same person would replace it within a batch): PostgreSQL text
        // cannot hold a NUL character, so the batch holding it is refused and applied person by person
        String refusedUser = userId + "-nul";
        String refused = person(refusedUser, "NUL \\u0000 " + userId);
        upstream.person(userId, notJson);
        upstream.person(userId, wrongShape);
        upstream.person(refusedUser, refused);
        upstream.person(userId, person(userId, "Good " + userId));

        await().atMost(Duration.ofSeconds(60)).until(() -> ("Good " + userId).equals(displayNameOf(userId)));

        List<DeadLetters.DeadLetter> dead = DeadLetters.awaitHolding(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConfigProvider.getConfig().getValue("uptake.topics.people", String.class) + ".dead-letter",
                notJson,
                wrongShape,
                "NUL \\u0000 " + userId);
        assertThat(dead).extracting(DeadLetters.DeadLetter::key).containsOnly(userId, refusedUser);
        assertThat(displayNameOf(refusedUser)).isNull();
        assertThat(DeadLetters.reasonFor(dead, notJson)).contains("not JSON");
        assertThat(DeadLetters.reasonFor(dead, wrongShape)).contains("displayName: must be a string");
        assertThat(DeadLetters.reasonFor(dead, "NUL \\u0000 " + userId)).contains("refused by PostgreSQL");
    }
}
