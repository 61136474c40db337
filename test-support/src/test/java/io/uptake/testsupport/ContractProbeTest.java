package io.uptake.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A probe hands a test only values that hold to the contract; one that breaks it fails the test that reads it. */
class ContractProbeTest {

    private static final String GOOD = """
            {"eventId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"feedback.status-changed","itemId":42,"title":"Faster search",
             "from":"SUBMITTED","to":"ACKNOWLEDGED","note":null,"actor":"carol","submittedBy":"ella","businessUnit":"sales",
             "votes":3,"at":"2026-12-01T10:15:30Z"}""";

    private final ContractProbe probe = new ContractProbe("uptake.feedback-events") {};

    private static ConsumerRecord<String, String> record(String key, String value) {
        return new ConsumerRecord<>("test.uptake.feedback-events", 0, 0, key, value);
    }

    @Test
    void aValueThatHoldsIsHandedOut() {
        probe.record(record("42", GOOD));
        assertThat(probe.valuesFor("42")).containsExactly(GOOD);
        assertThat(probe.recordsHolding("Faster search")).hasSize(1);
    }

    @Test
    void aValueThatBreaksTheContractFailsWhoeverReadsIt() {
        probe.record(record("42", GOOD));
        probe.record(record("43", GOOD.replace("\"itemId\":42,", "").replace("Faster search", "Broken one")));
        assertThat(probe.valuesFor("42")).hasSize(1);
        assertThatThrownBy(() -> probe.valuesFor("43"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("itemId");
        assertThatThrownBy(() -> probe.recordsHolding("Broken one")).isInstanceOf(AssertionError.class);
    }

    @Test
    void aValueThatIsNotJsonIsKeptAndFailsOnlyWhoeverReadsIt() {
        probe.record(record("44", "not json at all"));
        probe.record(record("42", GOOD));
        assertThat(probe.valuesFor("42")).containsExactly(GOOD);
        assertThatThrownBy(() -> probe.valuesFor("44"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not JSON");
    }
}
