package io.uptake.feedback.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.feedback.celebration.CelebrationView;
import io.uptake.feedback.item.CommentView;
import io.uptake.feedback.item.ItemSummary;
import io.uptake.feedback.item.ItemView;
import io.uptake.feedback.item.Kind;
import io.uptake.feedback.item.Status;
import io.uptake.platform.access.Caller;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnonymityTest {

    @Test
    void aNamedItemShowsItsSubmitterToEveryone() {
        assertThat(Anonymity.shown(false, "alice", "bob")).isEqualTo("alice");
        assertThat(Anonymity.shown(false, "alice", "bob", "Sales EMEA")).isEqualTo("Sales EMEA");
    }

    @Test
    void anAnonymousItemShowsItsSubmitterOnlyToThem() {
        assertThat(Anonymity.shown(true, "alice", "bob")).isNull();
        assertThat(Anonymity.shown(true, "alice", "adam")).isNull();
        assertThat(Anonymity.shown(true, "alice", "alice")).isEqualTo("alice");
        assertThat(Anonymity.shown(true, "alice", "bob", "Sales EMEA")).isNull();
        assertThat(Anonymity.revealed(true, "alice", null)).isFalse();
    }

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-05-04T10:15:00Z");

    @Test
    void anAnonymousItemShowsTheSubmittersNameOnlyToThem() {
        ItemView item = item(true);
        assertThat(item.seenBy("bob").submitterName()).isNull();
        assertThat(item.seenBy("adam").submittedBy()).isNull();
        assertThat(item.seenBy(null).submitterName()).isNull();
        assertThat(item.seenBy("alice").submitterName()).isEqualTo("Alice Andersen");
        assertThat(item(false).seenBy("bob").submitterName()).isEqualTo("Alice Andersen");

        ItemSummary summary = summary(true);
        assertThat(summary.seenBy("bob").submitterName()).isNull();
        assertThat(summary.seenBy("alice").submitterName()).isEqualTo("Alice Andersen");
        assertThat(summary(false).seenBy("bob").submitterName()).isEqualTo("Alice Andersen");
    }

    @Test
    void theAnonymousSubmittersCommentsShowTheirNameOnlyToThem() {
        CommentView theirs = new CommentView(1, "alice", "Alice Andersen", "more", false, false, NOW);
        assertThat(theirs.seenBy(true, "alice", "bob").authorName()).isNull();
        assertThat(theirs.seenBy(true, "alice", "bob").author()).isNull();
        assertThat(theirs.seenBy(true, "alice", "bob").anonymous()).isTrue();
        assertThat(theirs.seenBy(true, "alice", "alice").authorName()).isEqualTo("Alice Andersen");
        assertThat(theirs.seenBy(false, "alice", "bob").authorName()).isEqualTo("Alice Andersen");

        CommentView admins = new CommentView(2, "adam", "Adam Adler", "thanks", true, false, NOW);
        assertThat(admins.seenBy(true, "alice", "bob").authorName()).isEqualTo("Adam Adler");
    }

    @Test
    void anAnonymousCelebrationShowsTheSubmittersNameOnlyToThem() {
        CelebrationView celebration = new CelebrationView(
                UUID.randomUUID(), 7, "Faster quotes", "alice", "Alice Andersen", null, true, 3, NOW);
        assertThat(celebration.seenBy("erin").submitterName()).isNull();
        assertThat(celebration.seenBy("erin").submittedBy()).isNull();
        assertThat(celebration.seenBy("alice").submitterName()).isEqualTo("Alice Andersen");
    }

    @Test
    void theRecordedNameIsTheTokensDisplayNameCappedAndNullWithoutOne() {
        assertThat(DisplayName.of(caller(" Alice Andersen "))).isEqualTo("Alice Andersen");
        assertThat(DisplayName.of(caller(null))).isNull();
        assertThat(DisplayName.of(caller("  "))).isNull();
        assertThat(DisplayName.of(caller("x".repeat(250)))).hasSize(DisplayName.MAX_LENGTH);
        // a name is never cut inside a character outside the Basic Multilingual Plane
        assertThat(DisplayName.of(caller("x".repeat(199) + "\uD83D\uDE00 tail")))
                .isEqualTo("x".repeat(199));
    }

    private static Caller caller(String name) {
        return new Caller("alice", "Sales EMEA", "sales-rep", false, false, false, false, name);
    }

    private static ItemView item(boolean anonymous) {
        return new ItemView(
                1,
                Kind.IDEA,
                "Faster quotes",
                "Please",
                "reports",
                Status.SUBMITTED,
                "SUBMITTED",
                0,
                "alice",
                "Alice Andersen",
                anonymous,
                anonymous ? null : "Sales EMEA",
                null,
                0,
                NOW,
                NOW);
    }

    private static ItemSummary summary(boolean anonymous) {
        return new ItemSummary(
                1,
                Kind.IDEA,
                "Faster quotes",
                "Please",
                "reports",
                Status.SUBMITTED,
                "SUBMITTED",
                0,
                "alice",
                "Alice Andersen",
                anonymous,
                NOW,
                0,
                null);
    }
}
