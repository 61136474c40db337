package io.uptake.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event contracts of {@code docs/events/<topic>.schema.json} (JSON Schema 2020-12, formats
 * asserted): producers' tests hold every record they publish against the contract of its topic, so
 * the documentation and the bytes on the wire cannot drift apart.
 */
public final class EventContracts {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContracts() {}

    /** What is wrong with this record value for the topic's contract (not JSON at all, too); empty when it holds. */
    public static List<String> violations(String topic, String value) {
        Schema schema = SCHEMAS.computeIfAbsent(topic, EventContracts::load);
        if (value == null) {
            return List.of("no value (a tombstone)");
        }
        try {
            return schema.validate(value, InputFormat.JSON).stream()
                    .map(Error::toString)
                    .toList();
        } catch (UncheckedIOException notJson) {
            return List.of("not JSON: " + notJson.getMessage());
        }
    }

    /** Fails, naming each violation, unless the value holds to the topic's contract. */
    public static void assertHolds(String topic, String value) {
        List<String> violations = violations(topic, value);
        if (!violations.isEmpty()) {
            throw broken(topic, value, violations);
        }
    }

    /** The failure of a value that breaks the topic's contract in these ways. */
    static AssertionError broken(String topic, String value, List<String> violations) {
        return new AssertionError("A record on " + topic + " breaks docs/events/" + topic + ".schema.json: "
                + violations + "\nrecord: " + value);
    }

    private static Schema load(String topic) {
        Path file = contracts().resolve(topic + ".schema.json");
        try (InputStream in = Files.newInputStream(file)) {
            return REGISTRY.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new IllegalStateException("No contract for " + topic + " at " + file.toAbsolutePath(), e);
        }
    }

    /** docs/events of the repository the test runs in (a module's folder, or the root). */
    private static Path contracts() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path events = folder.resolve("docs").resolve("events");
            if (Files.isDirectory(events)) {
                return events;
            }
        }
        throw new IllegalStateException("No docs/events above " + Path.of("").toAbsolutePath());
    }
}
