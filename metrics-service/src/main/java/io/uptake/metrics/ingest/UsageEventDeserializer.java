package io.uptake.metrics.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record of {@code uptake.usage-events}: a JSON array of events (what the service sends), or a
 * single event (records written before events were sent in batches).
 */
public class UsageEventDeserializer implements Deserializer<List<UsageEvent>> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final JavaType EVENTS = JSON.getTypeFactory().constructCollectionType(List.class, UsageEvent.class);

    @Override
    public List<UsageEvent> deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(data);
            return tree.isArray() ? JSON.convertValue(tree, EVENTS) : List.of(JSON.treeToValue(tree, UsageEvent.class));
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("Not a usage event or an array of them", e);
        }
    }
}
