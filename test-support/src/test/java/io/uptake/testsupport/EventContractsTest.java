package io.uptake.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The contracts themselves refuse what no producer may write: the checks the producers' tests rely on can fail. */
class EventContractsTest {

    private static final String FEEDBACK_EVENT = """
            {"eventId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"feedback.status-changed","itemId":42,"title":"Faster search",
             "from":"SUBMITTED","to":"ACKNOWLEDGED","note":null,"actor":"carol","submittedBy":"ella","businessUnit":"sales",
             "votes":3,"at":"2026-12-01T10:15:30Z"}""";

    @Test
    void aWellFormedRecordHolds() {
        assertThat(EventContracts.violations("uptake.feedback-events", FEEDBACK_EVENT))
                .isEmpty();
    }

    @Test
    void aMissingRequiredPropertyAWrongTypeAndABadFormatAreEachNamed() {
        String broken = FEEDBACK_EVENT
                .replace("\"itemId\":42,", "")
                .replace("\"actor\":\"carol\"", "\"actor\":7")
                .replace("1b4e28ba-2fa1-11d2-883f-0016d3cca427", "not-a-uuid");
        assertThat(EventContracts.violations("uptake.feedback-events", broken))
                .anyMatch(violation -> violation.contains("itemId"))
                .anyMatch(violation -> violation.contains("actor"))
                .anyMatch(violation -> violation.contains("eventId"));
        assertThatThrownBy(() -> EventContracts.assertHolds("uptake.feedback-events", broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("uptake.feedback-events.schema.json");
    }
}
