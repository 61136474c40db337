package io.uptake.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** JSON for the jsonb columns: what this service wrote itself, so a failure to read it back is a defect, not bad input. */
@ApplicationScoped
public class Json {

    private final ObjectMapper mapper;

    public Json(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> T read(String text, Class<T> type) {
        try {
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request body read by hand: unreadable JSON is the client's mistake, answered 400 by {@link ProblemMappers}. */
    public <T> T readRequest(String text, Class<T> type) {
        try {
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new InvalidInput("body", "is not valid JSON for this request: " + e.getOriginalMessage());
        }
    }

    public JsonNode tree(String text) {
        return read(text, JsonNode.class);
    }

    public <T> T convert(Object value, Class<T> type) {
        return mapper.convertValue(value, type);
    }
}
