package io.uptake.metrics.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.metrics.writekey.Sender;
import io.uptake.metrics.writekey.TraitNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One message of Segment's HTTP Tracking API, turned into an item of Uptake's own ingestion (which then judges it as
 * any other: the user id, the time with the sender's clock skew, the catalogue): a {@code track} counts as the action
 * its {@code event} names (a catalogue code, or a mapped name), a {@code page} as the action mapped to
 * {@code page:<name>} or {@code page:<path>}, else {@code page.viewed} when the catalogue has it. Names with no action
 * are kept as unmapped. An {@code identify} from a key allowed to update the roster becomes the roster fields its
 * traits carry; {@code screen}, {@code group} and {@code alias}, and an {@code identify} from any other key, count as
 * nothing here.
 */
public final class SegmentTranslator {

    /** The largest message Segment takes, and so do we. */
    static final int MAX_MESSAGE_BYTES = 32 * 1024;

    static final String PAGE_VIEWED = "page.viewed";
    private static final int MAX_MESSAGE_ID = 200;
    private static final int MAX_NAME = 200;
    private static final Set<String> COUNTED_NOWHERE = Set.of("screen", "group", "alias");

    /** What became of one message: an ingestion item, an unmapped name, nothing to count, or what is wrong with it. */
    public sealed interface Translation {
        record Item(ObjectNode item) implements Translation {}

        /**
         * A message under a name no mapping names yet; {@code pending}: the item it would have been, its action the
         * name (kept so that mapping the name later may count it), null for an anonymous visitor.
         */
        record Unmapped(String name, ObjectNode pending) implements Translation {}

        /**
         * Roster fields to change for a person ({@code displayName}, {@code businessUnit}, …, as the roster names
         * them); {@code traitOf}: the trait that carries each roster field, to name it in an error.
         */
        record Identify(String userId, Map<String, Object> fields, Map<String, String> traitOf)
                implements Translation {}

        record Ignored() implements Translation {}

        record Rejected(List<String> errors) implements Translation {}
    }

    private final Sender sender;
    private final Map<String, String> mappings;
    private final Set<String> actions;
    private final Instant receivedAt;

    /** {@code sender}: the write key, whose id makes each sender's message ids its own. */
    public SegmentTranslator(Sender sender, Map<String, String> mappings, Set<String> actions, Instant receivedAt) {
        this.sender = sender;
        this.mappings = mappings;
        this.actions = actions;
        this.receivedAt = receivedAt;
    }

    /**
     * {@code type}: the endpoint's ({@code track}, {@code page}, …) or, in a batch, null to read the message's own;
     * {@code batchSentAt}: a batch's {@code sentAt}, used where the message has none.
     */
    public Translation translate(JsonNode message, String type, JsonNode batchSentAt) {
        if (message == null || !message.isObject()) {
            return rejected("the message must be a JSON object");
        }
        if (message.toString().getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            return rejected("the message is larger than 32 KB");
        }
        String kind = type != null ? type : text(message.get("type"));
        if (kind == null) {
            return rejected("type: is required in a batch (track, page, identify, screen, group or alias)");
        }
        kind = kind.toLowerCase(Locale.ROOT);
        if (COUNTED_NOWHERE.contains(kind) || (kind.equals("identify") && !sender.identify())) {
            return new Translation.Ignored();
        }
        if (kind.equals("identify")) {
            return identify(message);
        }
        if (!kind.equals("track") && !kind.equals("page")) {
            return rejected("type: must be track, page, identify, screen, group or alias");
        }
        String messageId = text(message.get("messageId"));
        if (messageId == null || messageId.length() > MAX_MESSAGE_ID) {
            return rejected("messageId: is required, at most " + MAX_MESSAGE_ID + " characters");
        }
        String name = kind.equals("track") ? text(message.get("event")) : pageName(message);
        if (name == null || name.length() > MAX_NAME) {
            return rejected(
                    kind.equals("track")
                            ? "event: is required, at most " + MAX_NAME + " characters"
                            : "name or properties.path: at most " + MAX_NAME + " characters");
        }
        String userId = text(message.get("userId"));
        if (userId == null) {
            // an anonymous visitor is nobody on the roster: listed, so that the CRM team sees what identify misses
            return new Translation.Unmapped("(anonymous) " + name, null);
        }
        String action = kind.equals("track") ? trackAction(name) : pageAction(message);
        if (action == null) {
            return new Translation.Unmapped(name, item(message, messageId, userId, name, batchSentAt));
        }
        return new Translation.Item(item(message, messageId, userId, action, batchSentAt));
    }

    /**
     * Segment's {@code name} (else {@code firstName} and {@code lastName}) and {@code email}, and the key's trait names
     * for unit, role, manager and executive; traits a message does not carry leave the roster's value as it is.
     */
    private Translation identify(JsonNode message) {
        String userId = text(message.get("userId"));
        if (userId == null) {
            return new Translation.Ignored(); // an anonymous visitor has no roster entry to update
        }
        JsonNode traits = message.hasNonNull("traits") ? message.get("traits") : message.at("/context/traits");
        if (!traits.isMissingNode() && !traits.isObject()) {
            return rejected("traits: must be an object");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, String> traitOf = new HashMap<>();
        String name = text(traits.get("name"));
        if (name == null) {
            String given = text(traits.get("firstName"));
            String family = text(traits.get("lastName"));
            name = given == null ? family : family == null ? given : given + " " + family;
        }
        traitOf.put("displayName", "traits.name");
        if (name != null) {
            fields.put("displayName", name.strip());
        }
        TraitNames names = sender.traits();
        for (String[] pair : new String[][] {
            {"email", "email"},
            {"businessUnit", names.businessUnit()},
            {"jobRole", names.jobRole()},
            {"managerId", names.managerId()},
            {"executive", names.executive()}
        }) {
            traitOf.put(pair[0], "traits." + pair[1]);
            JsonNode value = traits.get(pair[1]);
            if (value != null && !value.isNull()) {
                fields.put(pair[0], value.isTextual() ? value.asText() : value.isBoolean() ? value.asBoolean() : value);
            }
        }
        return new Translation.Identify(userId, fields, traitOf);
    }

    private String trackAction(String event) {
        return actions.contains(event) ? event : mappings.get(event);
    }

    /** {@code page:<name>}, then {@code page:<path>}, then {@code page.viewed} when the catalogue has it. */
    private String pageAction(JsonNode message) {
        for (String candidate : new String[] {text(message.get("name")), text(message.at("/properties/path"))}) {
            if (candidate != null && mappings.containsKey("page:" + candidate)) {
                return mappings.get("page:" + candidate);
            }
        }
        return actions.contains(PAGE_VIEWED) ? PAGE_VIEWED : null;
    }

    private static String pageName(JsonNode message) {
        String name = text(message.get("name"));
        String path = text(message.at("/properties/path"));
        return "page:" + (name != null ? name : path != null ? path : "");
    }

    private ObjectNode item(JsonNode message, String messageId, String userId, String action, JsonNode batchSentAt) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("eventId", eventId(messageId).toString());
        item.put("userId", userId);
        item.put("action", action);
        JsonNode timestamp = message.get("timestamp");
        item.set("occurredAt", timestamp != null && !timestamp.isNull() ? timestamp : text(receivedAt));
        JsonNode sentAt = message.hasNonNull("sentAt") ? message.get("sentAt") : batchSentAt;
        if (sentAt != null && !sentAt.isNull() && timestamp != null && !timestamp.isNull()) {
            item.set("sentAt", sentAt); // the sender's clock skew corrects its timestamp, as Segment does
        }
        String objectId = text(message.at("/properties/objectId"));
        if (objectId == null) {
            objectId = text(message.at("/properties/id"));
        }
        if (objectId != null) {
            item.put("objectId", objectId);
        }
        String source = source(message.path("context"));
        if (source != null) {
            item.put("source", source);
        }
        return item;
    }

    /** The same message id from the same key is the same event, whatever the id's format. */
    UUID eventId(String messageId) {
        return UUID.nameUUIDFromBytes((sender.id() + "/" + messageId).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code context.device.type}, else what the user agent tells: mobile or web. */
    private static String source(JsonNode context) {
        String device = text(context.at("/device/type"));
        if (device != null) {
            return device.length() > 100 ? device.substring(0, 100) : device;
        }
        String agent = text(context.get("userAgent"));
        if (agent == null) {
            return null;
        }
        return agent.contains("Mobi") ? "mobile" : "web";
    }

    /** A string, or a number as Segment's libraries allow for ids; null when absent or blank. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        String text = value.isTextual() || value.isNumber() ? value.asText() : null;
        return text == null || text.isBlank() ? null : text;
    }

    private static JsonNode text(Instant instant) {
        return JsonNodeFactory.instance.textNode(instant.toString());
    }

    private static Translation rejected(String error) {
        return new Translation.Rejected(List.of(error));
    }
}
