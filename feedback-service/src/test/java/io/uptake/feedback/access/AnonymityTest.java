package io.uptake.feedback.access;

import static org.assertj.core.api.Assertions.assertThat;

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
}
