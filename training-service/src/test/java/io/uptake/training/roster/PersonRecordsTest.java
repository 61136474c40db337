package io.uptake.training.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uptake.training.roster.PersonRecords.State;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonRecordsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aPersonAsMetricsServicePublishesIt() throws Exception {
        State state = PersonRecords.read("carol", """
                {"userId":"carol","displayName":"Carol Chen","email":"carol@example.com","businessUnit":"Support","jobRole":"support-agent",
                 "managerId":null,"executive":false,"active":false,"updatedAt":"2026-11-30T09:00:00.123456+00:00"}""", NOW);
        assertThat(state)
                .isEqualTo(new State(
                        "carol",
                        "Carol Chen",
                        "Support",
                        "support-agent",
                        false,
                        OffsetDateTime.parse("2026-11-30T09:00:00.123456+00:00"),
                        state.source()));
        assertThat(state.source()).contains("Carol Chen");
    }

    @Test
    void aTombstoneIsThePersonBecomingInactiveNow() throws Exception {
        assertThat(PersonRecords.read("carol", null, NOW))
                .isEqualTo(new State("carol", null, null, null, false, NOW, null));
    }

    @Test
    void missingFieldsAreActiveAsOfNowAndLongTextIsCut() throws Exception {
        State state = PersonRecords.read("dan", "{\"displayName\":\"" + "d".repeat(300) + "\"}", NOW);
        assertThat(state.active()).isTrue();
        assertThat(state.updatedAt()).isEqualTo(NOW);
        assertThat(state.displayName()).hasSize(PersonRecords.MAX_TEXT);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not json at all | not JSON",
                "[1, 2] | must be a JSON object",
                "\"carol\" | must be a JSON object",
                "{\"displayName\": 42} | displayName: must be a string",
                "{\"businessUnit\": {\"a\": 1}} | businessUnit: must be a string",
                "{\"active\": \"yes\"} | active: must be true or false",
                "{\"updatedAt\": \"yesterday\"} | updatedAt: must be a date-time",
            })
    void whatIsNotAPersonIsRefusedWithTheReason(String value, String reason) {
        assertThatThrownBy(() -> PersonRecords.read("carol", value, NOW))
                .isInstanceOf(PersonRecords.Unreadable.class)
                .hasMessageContaining(reason);
    }

    @Test
    void aKeyThatIsNoUserIdIsRefused() {
        assertThatThrownBy(() -> PersonRecords.read(" ", "{}", NOW)).hasMessageContaining("the key is no user id");
        assertThatThrownBy(() -> PersonRecords.read("x".repeat(101), "{}", NOW))
                .hasMessageContaining("the key is no user id");
        assertThatThrownBy(() -> PersonRecords.read(null, "{}", NOW)).hasMessageContaining("the key is no user id");
    }
}
