package io.uptake.metrics.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record of {@code uptake.usage-events}: a JSON array of events (what the service sends), or a
 * single event (records written before events were sent in batches). Read straight into events, without a tree
 * first, and {@code occurredAt} in the usual form without the general formatter: the consumer reads every accepted
 * event once more.
 */
public class UsageEventDeserializer implements Deserializer<List<UsageEvent>> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .registerModule(new SimpleModule().addDeserializer(Instant.class, new UsualInstants()))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final JavaType EVENTS = JSON.getTypeFactory().constructCollectionType(List.class, UsageEvent.class);

    @Override
    public List<UsageEvent> deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        List<UsageEvent> events;
        try {
            events = isArray(data) ? JSON.readValue(data, EVENTS) : single(JSON.readValue(data, UsageEvent.class));
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("Not a usage event or an array of them", e);
        }
        if (events == null) {
            throw new SerializationException("Not a usage event or an array of them: null");
        }
        return events;
    }

    private static List<UsageEvent> single(UsageEvent event) {
        return event == null ? null : List.of(event);
    }

    /** Whether the first character that is not white space (after a UTF-8 byte order mark, if any) opens an array. */
    private static boolean isArray(byte[] data) {
        int start = data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf
                ? 3
                : 0;
        for (int i = start; i < data.length; i++) {
            byte b = data[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '[';
            }
        }
        return false;
    }

    /** An instant in the usual RFC 3339 form read by {@link Rfc3339}; anything else as Jackson reads instants. */
    private static final class UsualInstants extends StdDeserializer<Instant> {

        UsualInstants() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                Instant usual = Rfc3339.usualForm(parser.getText());
                if (usual != null) {
                    return usual;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
