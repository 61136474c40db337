package io.uptake.metrics.scim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads SCIM attributes into a {@link ScimUser}, by attribute path as RFC 7644 writes them ({@code active},
 * {@code name.givenName}, {@code emails[type eq "work"].value}, the enterprise extension's {@code department} and
 * {@code manager}, with or without their schema URN), and in the forms the big directories send (Entra ID's
 * {@code "False"} for a boolean). Attributes the roster does not keep (phone numbers, addresses, locale, …) are
 * ignored, as RFC 7644 lets a service provider do.
 */
final class ScimAttributes {

    private static final Pattern EMAIL_VALUE = Pattern.compile("emails(\\[[^\\]]*\\])?(\\.value)?");
    private static final String CORE_PREFIX = ScimSchemas.USER.toLowerCase(Locale.ROOT) + ":";
    /** The enterprise extension's URN in lower case, as paths are compared. */
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user";
    /** Uptake's own extension's URN in lower case. */
    private static final String UPTAKE = "urn:uptake:params:scim:schemas:extension:2.0:user";

    private ScimAttributes() {}

    /** A whole resource, as POST and PUT send it. */
    static ScimUser read(JsonNode resource) {
        if (resource == null || !resource.isObject()) {
            throw new ScimException(
                    400, "invalidSyntax", "The request body must be a SCIM User resource (a JSON object)");
        }
        ScimUser user = new ScimUser();
        setAll(user, resource, "");
        return user;
    }

    /** Each attribute of an object, its names read as paths under {@code prefix}. */
    static void setAll(ScimUser user, JsonNode object, String prefix) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            set(user, prefix + field.getKey(), field.getValue());
        }
    }

    /** An {@code add} or {@code replace} of one attribute (single-valued here, so both replace). */
    static void set(ScimUser user, String path, JsonNode value) {
        String name = normalised(path);
        if (name.equals(ENTERPRISE) || name.equals(UPTAKE)) {
            requireObject(path, value);
            setAll(user, value, name + ":");
            return;
        }
        switch (name) {
            case "username" -> user.userName = text(path, value);
            case "externalid" -> user.externalId = text(path, value);
            case "displayname" -> user.displayName = text(path, value);
            case "title" -> user.title = text(path, value);
            case "active" -> user.active = bool(path, value);
            case "name" -> {
                if (value != null && !value.isNull()) {
                    requireObject(path, value);
                    setAll(user, value, "name.");
                }
            }
            case "name.formatted" -> user.formattedName = text(path, value);
            case "name.givenname" -> user.renamed(text(path, value), user.familyName);
            case "name.familyname" -> user.renamed(user.givenName, text(path, value));
            case ENTERPRISE + ":department" -> user.department = text(path, value);
            case UPTAKE + ":salesforceid" -> {
                user.salesforceId = text(path, value);
                user.salesforceIdSent = true;
            }
            case ENTERPRISE + ":manager", ENTERPRISE + ":manager.value" ->
                user.managerId = value != null && value.isObject() ? text(path, value.get("value")) : text(path, value);
            default -> {
                if (EMAIL_VALUE.matcher(name).matches()) {
                    user.email = email(path, value);
                }
            }
        }
    }

    /** A {@code remove}: the attribute cleared. */
    static void remove(ScimUser user, String path) {
        String name = normalised(path);
        if (name.equals("username")) {
            throw new ScimException(400, "mutability", "userName cannot be removed: it is the person's user id");
        }
        if (name.equals("active")) {
            user.active = false;
            return;
        }
        if (name.equals(ENTERPRISE)) {
            user.department = null;
            user.managerId = null;
            return;
        }
        if (name.equals(UPTAKE)) {
            set(user, UPTAKE + ":salesforceId", null);
            return;
        }
        set(user, path, null);
    }

    /** Lower case, without the core schema's URN; the enterprise extension's written as {@code <urn>:attribute}. */
    private static String normalised(String path) {
        String name = path == null ? "" : path.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith(CORE_PREFIX)) {
            name = name.substring(CORE_PREFIX.length());
        }
        return name;
    }

    private static String text(String path, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ScimException.invalidValue(path + " must be a string");
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static boolean bool(String path, JsonNode value) {
        if (value != null && value.isBoolean()) {
            return value.asBoolean();
        }
        if (value != null && value.isTextual()) {
            String text = value.asText().strip();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
            }
        }
        throw ScimException.invalidValue(path + " must be true or false");
    }

    /** The address itself, or of a list of e-mails the primary one (else the work one, else the first). */
    private static String email(String path, JsonNode value) {
        if (value == null || value.isNull() || value.isTextual()) {
            return text(path, value);
        }
        JsonNode chosen = value.isArray() ? chosen(value) : value;
        if (chosen == null) {
            return null;
        }
        if (!chosen.isObject()) {
            throw ScimException.invalidValue(path + " must be e-mail addresses ({\"value\": \"…\"})");
        }
        return text(path + ".value", chosen.get("value"));
    }

    private static JsonNode chosen(JsonNode emails) {
        for (JsonNode entry : emails) {
            if (entry.path("primary").asBoolean(false)) {
                return entry;
            }
        }
        for (JsonNode entry : emails) {
            if (entry.path("type").asText("").equalsIgnoreCase("work")) {
                return entry;
            }
        }
        return emails.isEmpty() ? null : emails.get(0);
    }

    private static void requireObject(String path, JsonNode value) {
        if (value == null || !value.isObject()) {
            throw ScimException.invalidValue(path + " must be an object");
        }
    }
}
