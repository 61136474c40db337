package io.uptake.metrics.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.uptake.metrics.roster.CsvReader;
import io.uptake.metrics.roster.SalesforceIds;
import io.uptake.metrics.salesforce.EventLogTranslator.Line;
import io.uptake.platform.api.InvalidInput;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventLogTranslatorTest {

    private static final String ALICE_15 = "005000000000AAA";
    private static final String ALICE_18 = ALICE_15 + "IAQ";

    private static List<List<String>> csv(String text) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(text));
        List<List<String>> records = new ArrayList<>();
        for (List<String> record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }

    private static EventLogTranslator translator(List<String> header) {
        return new EventLogTranslator(
                header,
                Map.of(ALICE_15, "alice"),
                Map.of("sf:LightningPageView:Opportunity", "opportunity.updated"),
                Set.of("login", "report.run", "opportunity.updated"));
    }

    @Test
    void bothFormsOfASalesforceIdAreTheSamePerson() {
        assertThat(SalesforceIds.normalised(ALICE_18)).isEqualTo(ALICE_15);
        assertThat(SalesforceIds.normalised(ALICE_15)).isEqualTo(ALICE_15);
        assertThat(SalesforceIds.normalised("005-not-an-id")).isNull();
        assertThat(SalesforceIds.normalised("005000000000AAAIA")).isNull();
    }

    @Test
    void aLoginAPageViewAndAReportCountAsTheirActionsForThePersonOfTheUserId() throws IOException {
        List<List<String>> rows = csv("""
                "EVENT_TYPE","TIMESTAMP","REQUEST_ID","USER_ID","PAGE_ENTITY_TYPE","PAGE_ENTITY_ID","TIMESTAMP_DERIVED","USER_ID_DERIVED"
                "Login","20261201101530.123","4exLFFQZ1234","005000000000AAA","","","2026-12-01T10:15:30.123Z","005000000000AAAIAQ"
                "LightningPageView","20261201101600.000","4exLFFQZ1235","005000000000AAA","Opportunity","006000000000001","",""
                "Report","20261201101700.000","4exLFFQZ1236","005000000000AAA","","","",""
                """);
        EventLogTranslator translator = translator(rows.get(0));
        JsonNode login = ((Line.Item) translator.translate(rows.get(1))).item();
        assertThat(login.get("userId").asText()).isEqualTo("alice");
        assertThat(login.get("action").asText()).isEqualTo("login");
        assertThat(login.get("occurredAt").asText()).isEqualTo("2026-12-01T10:15:30.123Z");
        JsonNode page = ((Line.Item) translator.translate(rows.get(2))).item();
        assertThat(page.get("action").asText()).isEqualTo("opportunity.updated");
        assertThat(page.get("objectId").asText()).isEqualTo("006000000000001");
        assertThat(page.get("occurredAt").asText()).isEqualTo("2026-12-01T10:16:00Z");
        assertThat(((Line.Item) translator.translate(rows.get(3)))
                        .item()
                        .get("action")
                        .asText())
                .isEqualTo("report.run");
        assertThat(login.get("eventId").asText())
                .as("the same request, type and user: the same event, whichever form of the id")
                .isEqualTo(EventLogTranslator.eventId("Login", "4exLFFQZ1234", ALICE_15)
                        .toString());
    }

    @Test
    void unmappedTypesUnknownUsersAndBadLinesAreToldApart() throws IOException {
        List<List<String>> rows = csv("""
                EVENT_TYPE,TIMESTAMP_DERIVED,REQUEST_ID,USER_ID_DERIVED,ENTITY_NAME,SOMETHING_NEW
                API,2026-12-01T10:15:30.123Z,r1,005000000000AAAIAQ,Account,x
                Login,2026-12-01T10:15:30.123Z,r2,005000000000ZZZIAQ,,x
                Login,yesterday,r3,005000000000AAAIAQ,,x
                Login,2026-12-01T10:15:30.123Z,r4,someone,,x
                Login,2026-12-01T10:15:30.123Z,,005000000000AAAIAQ,,x
                """);
        EventLogTranslator translator = translator(rows.get(0));
        Line.Unmapped api = (Line.Unmapped) translator.translate(rows.get(1));
        assertThat(api.name()).isEqualTo("sf:API:Account");
        assertThat(api.pending().get("action").asText()).isEqualTo("sf:API:Account");
        assertThat(api.pending().get("occurredAt").asText()).isEqualTo("2026-12-01T10:15:30.123Z");
        assertThat(translator.translate(rows.get(2)))
                .isEqualTo(new Line.Unmapped(EventLogTranslator.UNKNOWN_USER, null));
        assertThat(translator.translate(rows.get(3)))
                .isEqualTo(new Line.Rejected(
                        List.of("TIMESTAMP_DERIVED: must be a time such as 2026-12-01T10:15:30.123Z")));
        assertThat(translator.translate(rows.get(4))).isInstanceOf(Line.Rejected.class);
        assertThat(translator.translate(rows.get(5))).isInstanceOf(Line.Rejected.class);
        assertThatThrownBy(() -> translator(List.of("EVENT_TYPE", "USER_ID", "REQUEST_ID")))
                .isInstanceOf(InvalidInput.class);
    }
}
